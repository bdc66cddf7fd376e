#pragma once

#include "tokens/tokenrecord.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

// "New access token": a name and the limits One API users set on a 令牌 (expiry, models, client addresses,
// requests per minute, quota per day or month). Checks what was typed before it closes; the caller stores
// token() and shows the secret.
class TokenDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenDialog)

public:
    // models: the public models, offered as a hint; takenNames: tokens that exist (compared without case).
    TokenDialog(const QStringList &models, const QStringList &takenNames, QWidget *parent = nullptr);

    // The token as entered (no id, hash or creation time yet).
    TokenRecord token() const;
    void accept() override;

private:
    QLineEdit *m_name = nullptr;
    QCheckBox *m_expires = nullptr;
    QDateEdit *m_expiryDate = nullptr;
    QLineEdit *m_models = nullptr;
    QLineEdit *m_cidrs = nullptr;
    QSpinBox *m_rpm = nullptr;
    QSpinBox *m_quotaRequests = nullptr;
    QSpinBox *m_quotaTokens = nullptr; // thousands of tokens
    QComboBox *m_period = nullptr;
    QLabel *m_error = nullptr;
    QStringList m_taken;
};
