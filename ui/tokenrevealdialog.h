#pragma once

#include <QDialog>

// Shows a newly made token once, with Copy: Switchyard keeps only its fingerprint.
class TokenRevealDialog final : public QDialog
{
    Q_OBJECT

public:
    TokenRevealDialog(const QString &title, const QString &explanation, const QString &token,
                      QWidget *parent = nullptr);
};
