#include "tokendialog.h"

#include "inlineerror.h"
#include "tokens/tokenrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

QStringList splitCommas(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    return out;
}

} // namespace

TokenDialog::TokenDialog(const QStringList &models, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent), m_taken(takenNames)
{
    setWindowTitle(tr("New access token"));
    auto *form = new QFormLayout;

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("tokenName"));
    m_name->setPlaceholderText(tr("The tool, person or machine that will use it"));
    form->addRow(tr("Name"), m_name);

    m_expires = new QCheckBox(tr("Expires after"), this);
    m_expires->setObjectName(QStringLiteral("tokenExpires"));
    m_expiryDate = new QDateEdit(QDate::currentDate().addMonths(3), this);
    m_expiryDate->setObjectName(QStringLiteral("tokenExpiryDate"));
    m_expiryDate->setCalendarPopup(true);
    m_expiryDate->setMinimumDate(QDate::currentDate());
    m_expiryDate->setEnabled(false);
    auto *expiry = new QHBoxLayout;
    expiry->addWidget(m_expires);
    expiry->addWidget(m_expiryDate, 1);
    form->addRow(tr("Expiry"), expiry);
    connect(m_expires, &QCheckBox::toggled, m_expiryDate, &QWidget::setEnabled);

    m_models = new QLineEdit(this);
    m_models->setObjectName(QStringLiteral("tokenModels"));
    m_models->setPlaceholderText(tr("All models"));
    m_models->setToolTip(tr("Comma-separated public model names. Available: %1")
                             .arg(models.isEmpty() ? tr("none yet") : models.join(QStringLiteral(", "))));
    form->addRow(tr("Allowed models"), m_models);

    m_cidrs = new QLineEdit(this);
    m_cidrs->setObjectName(QStringLiteral("tokenCidrs"));
    m_cidrs->setPlaceholderText(tr("Any address, e.g. 192.168.1.0/24, fd00::/8"));
    form->addRow(tr("Allowed client addresses"), m_cidrs);

    m_rpm = new QSpinBox(this);
    m_rpm->setObjectName(QStringLiteral("tokenRpm"));
    m_rpm->setRange(0, 1'000'000);
    m_rpm->setSpecialValueText(tr("No limit"));
    form->addRow(tr("Requests per minute"), m_rpm);

    m_quotaRequests = new QSpinBox(this);
    m_quotaRequests->setObjectName(QStringLiteral("tokenQuotaRequests"));
    m_quotaRequests->setRange(0, 100'000'000);
    m_quotaRequests->setSpecialValueText(tr("No limit"));
    m_quotaTokens = new QSpinBox(this);
    m_quotaTokens->setObjectName(QStringLiteral("tokenQuotaTokens"));
    m_quotaTokens->setRange(0, 100'000'000);
    m_quotaTokens->setSpecialValueText(tr("No limit"));
    m_quotaTokens->setSuffix(tr(" thousand tokens"));
    m_period = new QComboBox(this);
    m_period->setObjectName(QStringLiteral("tokenQuotaPeriod"));
    m_period->addItem(tr("per month"), int(QuotaPeriod::Month));
    m_period->addItem(tr("per day"), int(QuotaPeriod::Day));
    auto *quota = new QHBoxLayout;
    quota->addWidget(m_quotaRequests);
    quota->addWidget(new QLabel(tr("requests,"), this));
    quota->addWidget(m_quotaTokens);
    quota->addWidget(m_period);
    form->addRow(tr("Quota"), quota);

    m_error = InlineError::create(this, QStringLiteral("tokenDialogError"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create token"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TokenDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TokenDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

TokenRecord TokenDialog::token() const
{
    TokenRecord t;
    t.name = m_name->text().trimmed();
    if (m_expires->isChecked())
        t.expiresMs = m_expiryDate->date().addDays(1).startOfDay().toMSecsSinceEpoch(); // through that day
    t.models = splitCommas(m_models->text());
    t.cidrs = splitCommas(m_cidrs->text());
    t.rpm = m_rpm->value();
    t.quotaRequests = m_quotaRequests->value();
    t.quotaTokens = qint64(m_quotaTokens->value()) * 1000;
    t.quotaPeriod = QuotaPeriod(m_period->currentData().toInt());
    return t;
}

void TokenDialog::accept()
{
    TokenRecord t = token();
    if (t.name.isEmpty()) {
        InlineError::show(m_error, tr("Give the token a name, such as the tool, person or machine that will use it."));
        return;
    }
    for (const QString &taken : std::as_const(m_taken)) {
        if (taken.compare(t.name, Qt::CaseInsensitive) == 0) {
            InlineError::show(m_error, tr("A token named “%1” already exists.").arg(t.name));
            return;
        }
    }
    for (const QString &cidr : std::as_const(t.cidrs)) {
        if (!TokenRules::parseCidr(cidr)) {
            InlineError::show(m_error, tr("“%1” is not an address range such as 192.168.1.0/24 or fd00::/8.").arg(cidr));
            return;
        }
    }
    QString error;
    if (!TokenRules::validate(t, &error)) {
        InlineError::show(m_error, error);
        return;
    }
    InlineError::show(m_error, {});
    QDialog::accept();
}
