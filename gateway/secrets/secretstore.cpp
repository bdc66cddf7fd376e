#include "secretstore.h"

void MemorySecretStore::read(const QString &key, Callback done)
{
    Result r;
    r.ok = true;
    r.found = m_values.contains(key);
    r.value = m_values.value(key);
    done(r);
}

void MemorySecretStore::write(const QString &key, const QString &value, Callback done)
{
    m_values.insert(key, value);
    done(Result{true, true, {}, {}});
}

void MemorySecretStore::remove(const QString &key, Callback done)
{
    m_values.remove(key);
    done(Result{true, false, {}, {}});
}
