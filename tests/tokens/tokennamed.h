#pragma once

#include "tokens/tokenrecord.h"

#include <functional>

// A token as a test describes it: a name and the fields set sets (aggregate initialisation would leave the
// compiler warning about every field not named).
inline TokenRecord tokenNamed(const QString &name, const std::function<void(TokenRecord &)> &set = {})
{
    TokenRecord t;
    t.name = name;
    if (set)
        set(t);
    return t;
}
