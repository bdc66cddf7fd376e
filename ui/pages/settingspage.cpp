#include "settingspage.h"

#include "config/configeditor.h"
#include "desktop/autostart.h"
#include "desktop/language.h"
#include "gateway.h"
#include "inlineerror.h"
#include "routing/router.h"
#include "tokendialog.h"
#include "tokenrevealdialog.h"
#include "tokens/tokenrules.h"
#include "tokens/tokenstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QTreeWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

SettingsPage::SettingsPage(Gateway *gateway, ConfigEditor *editor, QWidget *parent)
    : QWidget(parent), m_gateway(gateway), m_editor(editor)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(new QLabel(tr("<h2>Settings</h2>"), content));
    layout->addWidget(buildServingGroup());
    layout->addWidget(buildTokensGroup());
    layout->addWidget(buildDesktopGroup());
    layout->addStretch();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(editor, &ConfigEditor::changed, this, &SettingsPage::load);
    connect(gateway, &Gateway::listeningChanged, this, &SettingsPage::load);
    connect(gateway, &Gateway::tokensChanged, this, &SettingsPage::loadTokens);
    // The figures of use change with every request; a glance every few seconds is enough.
    connect(gateway, &Gateway::requestFinished, this, [this] {
        if (isVisible() && !m_tokenRefresh.isActive())
            m_tokenRefresh.start();
    });
    m_tokenRefresh.setSingleShot(true);
    m_tokenRefresh.setInterval(2000);
    connect(&m_tokenRefresh, &QTimer::timeout, this, &SettingsPage::loadTokens);
    load();
}

QWidget *SettingsPage::buildServingGroup()
{
    auto *group = new QGroupBox(tr("Gateway"));
    auto *form = new QFormLayout(group);

    m_host = new QComboBox(group);
    m_host->setObjectName(QStringLiteral("listenHost"));
    m_host->setEditable(true);
    m_host->addItems({QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QStringLiteral("0.0.0.0")});
    m_host->setToolTip(tr("127.0.0.1 serves this machine only. Other addresses need at least one access token."));
    m_port = new QSpinBox(group);
    m_port->setObjectName(QStringLiteral("listenPort"));
    m_port->setRange(1, 65535);
    auto *listen = new QHBoxLayout;
    listen->addWidget(m_host, 1);
    listen->addWidget(new QLabel(tr("Port"), group));
    listen->addWidget(m_port);
    form->addRow(tr("Listen address"), listen);
    m_listenError = InlineError::create(group, QStringLiteral("listenError"));
    form->addRow(QString(), m_listenError);

    m_cors = new QPlainTextEdit(group);
    m_cors->setObjectName(QStringLiteral("corsOrigins"));
    m_cors->setPlaceholderText(tr("One origin per line, e.g. https://app.example.com"));
    m_cors->setMaximumHeight(72);
    form->addRow(tr("Allowed browser origins (CORS)"), m_cors);

    m_banSeconds = new QSpinBox(group);
    m_banSeconds->setObjectName(QStringLiteral("banSeconds"));
    m_banSeconds->setRange(0, 24 * 3600);
    m_banSeconds->setSuffix(tr(" s"));
    m_banSeconds->setMaximumWidth(140);
    m_banSeconds->setToolTip(tr("How long a provider that failed is left out before it is tried again."));
    form->addRow(tr("Pause a failing provider for"), m_banSeconds);

    m_attempts = new QSpinBox(group);
    m_attempts->setObjectName(QStringLiteral("maxAttempts"));
    m_attempts->setRange(1, 10);
    m_attempts->setMaximumWidth(140);
    m_attempts->setToolTip(tr("How many providers a request may try before the client gets an error."));
    form->addRow(tr("Attempts per request"), m_attempts);

    m_apply = new QPushButton(tr("Apply"), group);
    m_apply->setObjectName(QStringLiteral("applySettings"));
    m_applyResult = new QLabel(group);
    m_applyResult->setObjectName(QStringLiteral("applyResult"));
    m_applyResult->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_apply);
    row->addWidget(m_applyResult, 1);
    form->addRow(QString(), row);
    connect(m_apply, &QPushButton::clicked, this, &SettingsPage::apply);
    return group;
}

QWidget *SettingsPage::buildTokensGroup()
{
    auto *group = new QGroupBox(tr("Access tokens"));
    auto *layout = new QVBoxLayout(group);
    auto *about = new QLabel(tr("With at least one token, every client must send one (Authorization: Bearer …). "
                                "Only a fingerprint of each token is kept; the token is shown once, when it is made. "
                                "A token can be limited to some models and client addresses, a number of requests "
                                "per minute, and a quota per day or month."),
                             group);
    about->setWordWrap(true);
    layout->addWidget(about);
    m_tokens = new QTreeWidget(group);
    m_tokens->setObjectName(QStringLiteral("accessTokens"));
    m_tokens->setRootIsDecorated(false);
    m_tokens->setHeaderLabels({tr("Name"), tr("State"), tr("Expires"), tr("Limits"), tr("Used this period")});
    m_tokens->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tokens->setMinimumHeight(140);
    layout->addWidget(m_tokens);
    m_tokenError = InlineError::create(group, QStringLiteral("tokenError"));
    layout->addWidget(m_tokenError);
    auto *buttons = new QHBoxLayout;
    auto *generate = new QPushButton(tr("Generate token…"), group);
    generate->setObjectName(QStringLiteral("generateToken"));
    auto *revoke = new QPushButton(tr("Revoke"), group);
    revoke->setObjectName(QStringLiteral("revokeToken"));
    m_toggleToken = new QPushButton(tr("Disable"), group);
    m_toggleToken->setObjectName(QStringLiteral("toggleToken"));
    m_toggleToken->setEnabled(false);
    buttons->addWidget(generate);
    buttons->addWidget(m_toggleToken);
    buttons->addWidget(revoke);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(generate, &QPushButton::clicked, this, &SettingsPage::generateToken);
    connect(revoke, &QPushButton::clicked, this, &SettingsPage::revokeToken);
    connect(m_toggleToken, &QPushButton::clicked, this, &SettingsPage::toggleToken);
    connect(m_tokens, &QTreeWidget::itemSelectionChanged, this, [this] {
        const QList<QTreeWidgetItem *> selected = m_tokens->selectedItems();
        const bool stored = !selected.isEmpty() && !selected.first()->data(0, Qt::UserRole + 1).toBool()
            && !selected.first()->data(0, Qt::UserRole).toString().isEmpty();
        m_toggleToken->setEnabled(stored);
        m_toggleToken->setText(stored && !selected.first()->data(0, Qt::UserRole + 2).toBool() ? tr("Enable")
                                                                                              : tr("Disable"));
    });
    return group;
}

QWidget *SettingsPage::buildDesktopGroup()
{
    auto *group = new QGroupBox(tr("Desktop"));
    auto *form = new QFormLayout(group);
    m_language = new QComboBox(group);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(Language::setting())));
    auto *languageNote = new QLabel(tr("Takes effect when Switchyard next starts."), group);
    languageNote->setEnabled(false);
    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_language);
    languageRow->addWidget(languageNote, 1);
    form->addRow(tr("Language"), languageRow);
    connect(m_language, &QComboBox::currentIndexChanged, this,
            [this] { Language::setSetting(m_language->currentData().toString()); });

    m_startAtLogin = new QCheckBox(tr("Start Switchyard when I log in"), group);
    m_startAtLogin->setObjectName(QStringLiteral("startAtLogin"));
    m_startAtLogin->setEnabled(Autostart::isSupported());
    m_startAtLogin->setChecked(Autostart::isEnabled());
    form->addRow(QString(), m_startAtLogin);
    m_desktopError = InlineError::create(group, QStringLiteral("desktopError"));
    form->addRow(QString(), m_desktopError);
    connect(m_startAtLogin, &QCheckBox::toggled, this, [this](bool on) {
        QString error;
        if (!Autostart::setEnabled(on, m_editor->configPath(), &error)) {
            const QSignalBlocker blocker(m_startAtLogin);
            m_startAtLogin->setChecked(!on);
        }
        InlineError::show(m_desktopError, error);
    });
    return group;
}

void SettingsPage::load()
{
    const GatewaySettings &g = m_editor->config().gateway;
    // What is actually bound, which may differ from the file after --listen.
    const QString host = m_gateway->isListening() ? m_gateway->host() : g.host;
    m_host->setCurrentText(host);
    m_port->setValue(m_gateway->isListening() ? m_gateway->port() : g.port);
    m_cors->setPlainText(g.corsOrigins.join(QLatin1Char('\n')));
    m_banSeconds->setValue(g.banSeconds);
    m_attempts->setValue(g.maxAttempts);
    loadTokens();
}

namespace {

QString limitsText(const TokenRecord &t)
{
    QStringList parts;
    if (!t.models.isEmpty())
        parts << SettingsPage::tr("models: %1").arg(t.models.join(QStringLiteral(", ")));
    if (!t.cidrs.isEmpty())
        parts << SettingsPage::tr("clients: %1").arg(t.cidrs.join(QStringLiteral(", ")));
    if (t.rpm > 0)
        parts << SettingsPage::tr("%1/min").arg(t.rpm);
    const QString per = t.quotaPeriod == QuotaPeriod::Day ? SettingsPage::tr("day") : SettingsPage::tr("month");
    if (t.quotaRequests > 0)
        parts << SettingsPage::tr("%1 requests per %2").arg(QLocale().toString(t.quotaRequests), per);
    if (t.quotaTokens > 0)
        parts << SettingsPage::tr("%1 tokens per %2").arg(QLocale().toString(t.quotaTokens), per);
    return parts.isEmpty() ? SettingsPage::tr("none") : parts.join(QStringLiteral("; "));
}

} // namespace

void SettingsPage::loadTokens()
{
    const QString selected = m_tokens->selectedItems().isEmpty()
        ? QString()
        : m_tokens->selectedItems().first()->data(0, Qt::UserRole).toString();
    m_tokens->clear();
    const QLocale locale;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const TokenRecord &t : m_gateway->storedTokens()) {
        const TokenLimiter::PeriodUsage used = m_gateway->tokenUsage(t);
        const QString state = !t.enabled ? tr("disabled") : t.expiredAt(now) ? tr("expired") : tr("active");
        auto *item = new QTreeWidgetItem(
            m_tokens, {t.name, state,
                       t.expiresMs ? TokenRules::expiryText(*t.expiresMs) : tr("never"),
                       limitsText(t),
                       tr("%1 requests, %2 tokens").arg(locale.toString(used.requests), locale.toString(used.tokens))});
        item->setData(0, Qt::UserRole, t.name);
        item->setData(0, Qt::UserRole + 2, t.enabled);
    }
    for (const AccessToken &t : m_editor->config().gateway.accessTokens) {
        auto *item = new QTreeWidgetItem(m_tokens, {t.name, tr("in the config file"), tr("never"), tr("none"), QString()});
        item->setData(0, Qt::UserRole, t.name);
        item->setData(0, Qt::UserRole + 1, true);
        item->setToolTip(1, tr("From gateway.access_tokens in the config: no limits, and it may read everyone's usage."));
    }
    if (m_tokens->topLevelItemCount() == 0) {
        auto *none = new QTreeWidgetItem(m_tokens, {tr("No tokens: any program on this machine may use the gateway.")});
        none->setFlags(Qt::NoItemFlags);
        none->setFirstColumnSpanned(true);
    }
    for (int i = 0; i < m_tokens->topLevelItemCount(); ++i) {
        if (!selected.isEmpty() && m_tokens->topLevelItem(i)->data(0, Qt::UserRole).toString() == selected)
            m_tokens->topLevelItem(i)->setSelected(true);
    }
}

void SettingsPage::apply()
{
    GatewaySettings settings = m_editor->config().gateway;
    settings.host = m_host->currentText().trimmed();
    settings.port = quint16(m_port->value());
    settings.corsOrigins.clear();
    for (const QString &line : m_cors->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty())
            settings.corsOrigins << line.trimmed();
    }
    settings.banSeconds = m_banSeconds->value();
    settings.maxAttempts = m_attempts->value();
    const bool listenChanged = settings.host != m_gateway->host() || settings.port != m_gateway->port();
    InlineError::show(m_listenError, {});
    m_applyResult->clear();
    m_editor->setGatewaySettings(settings, [this, listenChanged](bool ok, const QString &error) {
        if (ok) {
            m_applyResult->setText(m_gateway->isListening() ? tr("Saved. Serving at %1").arg(m_gateway->baseUrl())
                                                            : tr("Saved. The gateway is paused; it will serve at "
                                                                 "the new address when you resume it."));
            return;
        }
        if (listenChanged)
            InlineError::show(m_listenError, error);
        else
            m_applyResult->setText(error);
    });
}

void SettingsPage::generateToken()
{
    QStringList taken;
    for (const TokenRecord &t : m_gateway->storedTokens())
        taken << t.name;
    for (const AccessToken &t : m_editor->config().gateway.accessTokens)
        taken << t.name;
    auto *dialog = new TokenDialog(m_gateway->router()->publicModels(), taken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const TokenRecord token = dialog->token();
        QString error;
        const std::optional<QString> secret =
            m_gateway->tokenStore()->create(token, QDateTime::currentMSecsSinceEpoch(), &error);
        InlineError::show(m_tokenError, secret ? QString() : error);
        if (!secret)
            return;
        m_gateway->reloadTokens();
        showTokenOnce(token.name, *secret);
    });
    dialog->open();
}

void SettingsPage::toggleToken()
{
    const QList<QTreeWidgetItem *> selected = m_tokens->selectedItems();
    if (selected.isEmpty() || selected.first()->data(0, Qt::UserRole + 1).toBool())
        return;
    const QString name = selected.first()->data(0, Qt::UserRole).toString();
    QString error;
    const bool ok = m_gateway->tokenStore()->setEnabled(name, !selected.first()->data(0, Qt::UserRole + 2).toBool(), &error);
    InlineError::show(m_tokenError, ok ? QString() : error);
    m_gateway->reloadTokens();
}

void SettingsPage::showTokenOnce(const QString &name, const QString &token)
{
    auto *dialog = new TokenRevealDialog(tr("Access token “%1”").arg(name),
                                         tr("Copy this token now and give it to the tool that will use it. "
                                            "Switchyard keeps only its fingerprint and cannot show it again."),
                                         token, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void SettingsPage::revokeToken()
{
    const QList<QTreeWidgetItem *> selected = m_tokens->selectedItems();
    if (selected.isEmpty() || selected.first()->data(0, Qt::UserRole).toString().isEmpty())
        return;
    const QString name = selected.first()->data(0, Qt::UserRole).toString();
    if (selected.first()->data(0, Qt::UserRole + 1).toBool()) {
        m_editor->revokeAccessToken(name, [this](bool ok, const QString &error) {
            InlineError::show(m_tokenError, ok ? QString() : error);
        });
        return;
    }
    const bool last = m_gateway->storedTokens().size() == 1 && m_editor->config().gateway.accessTokens.isEmpty();
    if (last && m_gateway->isListening() && !Gateway::isLoopback(m_gateway->host())) {
        InlineError::show(m_tokenError,
                          tr("This is the last access token and Switchyard listens on %1, where other machines can "
                             "reach it. Listen on 127.0.0.1 first, then revoke it.")
                              .arg(m_gateway->host()));
        return;
    }
    QString error;
    const bool ok = m_gateway->tokenStore()->remove(name, &error);
    InlineError::show(m_tokenError, ok ? QString() : error);
    m_gateway->reloadTokens();
}
