#include "nodespage.h"

#include "config/configeditor.h"
#include "gateway.h"
#include "hub/hub.h"
#include "node/nodeclient.h"
#include "tokenrevealdialog.h"
#include "inlineerror.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHostInfo>
#include <QJsonArray>
#include <QInputDialog>
#include <QJsonObject>
#include <QListWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

QString clockTime(qint64 wallMs)
{
    return QDateTime::fromMSecsSinceEpoch(wallMs).toString(QStringLiteral("HH:mm:ss"));
}

// Where nodes join this gateway: the API's base URL with ws and /ws.
QString hubUrl(const Gateway *gateway)
{
    // Listening on every address (0.0.0.0, ::): other machines know this one by its name.
    QString host = gateway->host();
    if (host == QLatin1String("0.0.0.0") || host == QLatin1String("::"))
        host = QHostInfo::localHostName();
    else if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    return QStringLiteral("ws://%1:%2/ws").arg(host).arg(gateway->port());
}

QString sinceText(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : iso;
}

} // namespace

NodesPage::NodesPage(Gateway *gateway, ConfigEditor *editor, QWidget *parent)
    : QWidget(parent), m_gateway(gateway), m_editor(editor)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Nodes</h2>Co-Link lets machines pool their providers: share this machine "
                                "with a Co-Link server, or let other machines' nodes join this gateway."),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(buildSharingGroup());
    layout->addWidget(buildHubGroup(), 1);

    connect(gateway->node(), &NodeClient::statusChanged, this, &NodesPage::refreshNodeStatus);
    connect(gateway->hub(), &Hub::nodesChanged, this, &NodesPage::refreshHubNodes);
    connect(editor, &ConfigEditor::changed, this, &NodesPage::loadSettings);
    connect(editor, &ConfigEditor::changed, this, &NodesPage::refreshNodeTokens);
    // Counters (served, in flight, next retry) change without a signal of their own.
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, [this] {
        if (isVisible()) {
            refreshNodeStatus();
            refreshHubNodes();
        }
    });
    tick->start(2000);
    loadSettings();
    refreshHubNodes();
    refreshNodeTokens();
}

QWidget *NodesPage::buildSharingGroup()
{
    auto *group = new QGroupBox(tr("Share this machine"));
    auto *form = new QFormLayout(group);
    m_share = new QCheckBox(tr("Offer this machine's providers to the Co-Link server"), group);
    m_share->setObjectName(QStringLiteral("shareMachine"));
    form->addRow(m_share);
    m_serverUrl = new QLineEdit(group);
    m_serverUrl->setObjectName(QStringLiteral("serverUrl"));
    m_serverUrl->setPlaceholderText(QStringLiteral("wss://colink.example.com/ws"));
    form->addRow(tr("Server URL"), m_serverUrl);
    m_token = new QLineEdit(group);
    m_token->setObjectName(QStringLiteral("clientToken"));
    m_token->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Client token"), m_token);
    m_maxParallel = new QSpinBox(group);
    m_maxParallel->setObjectName(QStringLiteral("nodeMaxParallel"));
    m_maxParallel->setRange(1, 64);
    m_maxParallel->setToolTip(tr("How many of the server's calls this machine runs at once."));
    form->addRow(tr("Parallel calls"), m_maxParallel);
    m_save = new QPushButton(tr("Save"), group);
    m_save->setObjectName(QStringLiteral("saveNodeSettings"));
    m_settingsError = InlineError::create(group, QStringLiteral("nodeSettingsError"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_save);
    row->addWidget(m_settingsError, 1);
    row->addStretch();
    form->addRow(QString(), row);
    m_state = new QLabel(group);
    m_state->setObjectName(QStringLiteral("nodeState"));
    m_detail = new QLabel(group);
    m_detail->setObjectName(QStringLiteral("nodeDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("State"), m_state);
    form->addRow(QString(), m_detail);

    connect(m_save, &QPushButton::clicked, this, [this] { saveSettings(); });
    connect(m_share, &QCheckBox::toggled, this, [this](bool on) {
        const QString typedUrl = m_serverUrl->text().trimmed();
        if (on && typedUrl.isEmpty()) {
            const QSignalBlocker blocker(m_share);
            m_share->setChecked(false);
            m_settingsError->setText(tr("Enter the Co-Link server URL and your client token first."));
            m_settingsError->show();
            m_serverUrl->setFocus();
            return;
        }
        auto share = [this, on] {
            m_editor->setSharing(on, [this](bool ok, const QString &error) {
                m_settingsError->setText(error);
                m_settingsError->setVisible(!ok);
                refreshNodeStatus();
            });
        };
        // Fields typed but not saved yet are what the user means to share with.
        if (on && (typedUrl != m_editor->config().colink.serverUrl || !m_token->text().trimmed().isEmpty()))
            saveSettings(share);
        else
            share();
    });
    return group;
}

QWidget *NodesPage::buildHubGroup()
{
    auto *group = new QGroupBox(tr("Nodes connected to this gateway"));
    auto *layout = new QVBoxLayout(group);
    m_hubNote = new QLabel(group);
    m_hubNote->setWordWrap(true);
    layout->addWidget(m_hubNote);
    m_hubNodes = new QTreeWidget(group);
    m_hubNodes->setObjectName(QStringLiteral("hubNodes"));
    m_hubNodes->setRootIsDecorated(false);
    m_hubNodes->setHeaderLabels({tr("Node"), tr("Address"), tr("Models"), tr("In flight"), tr("Served"),
                                 tr("Errors"), tr("Connected since"), tr("State")});
    // Every column as wide as its contents; the models take what is left.
    m_hubNodes->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_hubNodes->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    layout->addWidget(m_hubNodes, 1);

    auto *tokensRow = new QHBoxLayout;
    m_nodeTokens = new QListWidget(group);
    m_nodeTokens->setObjectName(QStringLiteral("nodeTokens"));
    m_nodeTokens->setMaximumHeight(80);
    auto *tokenButtons = new QVBoxLayout;
    auto *generate = new QPushButton(tr("New node token…"), group);
    generate->setObjectName(QStringLiteral("generateNodeToken"));
    auto *revoke = new QPushButton(tr("Revoke"), group);
    revoke->setObjectName(QStringLiteral("revokeNodeToken"));
    tokenButtons->addWidget(generate);
    tokenButtons->addWidget(revoke);
    tokenButtons->addStretch();
    tokensRow->addWidget(m_nodeTokens, 1);
    tokensRow->addLayout(tokenButtons);
    layout->addWidget(new QLabel(tr("Node tokens (one per machine or person; revoking one disconnects its nodes):"),
                                 group));
    layout->addLayout(tokensRow);
    m_tokenError = InlineError::create(group, QStringLiteral("nodeTokenError"));
    layout->addWidget(m_tokenError);
    connect(generate, &QPushButton::clicked, this, &NodesPage::generateNodeToken);
    connect(revoke, &QPushButton::clicked, this, &NodesPage::revokeNodeToken);
    return group;
}

void NodesPage::loadSettings()
{
    const ColinkSettings &c = m_editor->config().colink;
    // What the user is typing stays; setText also marks the field unmodified again.
    if (!m_serverUrl->isModified())
        m_serverUrl->setText(c.serverUrl);
    m_token->setPlaceholderText(m_editor->hasNodeToken() ? tr("Stored in the keychain; type to replace")
                                                         : tr("client-… (kept in the system keychain)"));
    m_maxParallel->setValue(qMax(1, c.maxParallel));
    {
        const QSignalBlocker blocker(m_share);
        m_share->setChecked(m_gateway->node()->isEnabled());
    }
    refreshNodeStatus();
}

void NodesPage::saveSettings(const std::function<void()> &then)
{
    const QString token = m_token->text().trimmed();
    m_editor->setNodeSettings(m_serverUrl->text(), token.isEmpty() ? std::nullopt : std::optional(token),
                              m_maxParallel->value(), [this, then](bool ok, const QString &error) {
                                  m_settingsError->setText(error);
                                  m_settingsError->setVisible(!ok);
                                  if (!ok) {
                                      refreshNodeStatus(); // puts the switch back
                                      return;
                                  }
                                  m_token->clear();
                                  m_serverUrl->setText(m_editor->config().colink.serverUrl);
                                  if (then)
                                      then();
                              });
}

void NodesPage::refreshNodeStatus()
{
    const NodeClient::Status s = m_gateway->node()->status();
    {
        const QSignalBlocker blocker(m_share);
        m_share->setChecked(m_gateway->node()->isEnabled());
    }
    QString state;
    QString color = QStringLiteral("#5f6368");
    switch (s.state) {
    case NodeClient::State::Off:
        state = tr("Not shared");
        break;
    case NodeClient::State::Connecting:
        state = tr("Connecting to %1…").arg(s.serverUrl);
        break;
    case NodeClient::State::Connected:
        state = tr("Connected since %1").arg(clockTime(s.connectedSinceMs));
        color = QStringLiteral("#188038");
        break;
    case NodeClient::State::Backoff:
        state = tr("Disconnected; retrying at %1").arg(clockTime(s.nextRetryAtMs));
        color = QStringLiteral("#b06000");
        break;
    }
    m_state->setText(state);
    m_state->setStyleSheet(QStringLiteral("color: %1; font-weight: 600;").arg(color));
    QStringList lines;
    if (s.state != NodeClient::State::Off || s.served > 0)
        lines << tr("Calls served: %1 · in flight: %2 · errors: %3").arg(s.served).arg(s.inFlight).arg(s.errors);
    if (!s.models.isEmpty())
        lines << tr("Offering: %1").arg(s.models.join(QStringLiteral(", ")));
    if (!s.lastError.isEmpty())
        lines << tr("Last problem: %1").arg(s.lastError);
    m_detail->setText(lines.join(QLatin1Char('\n')));
    m_detail->setVisible(!lines.isEmpty());
}

void NodesPage::refreshHubNodes()
{
    const bool accepting = !m_editor->config().hub.nodeTokens.isEmpty();
    m_hubNote->setText(accepting
                           ? tr("Nodes join at %1 with one of the node tokens below.")
                                 .arg(hubUrl(m_gateway))
                           : tr("No node can join yet: make a node token below and give it to the machine that "
                                "will join."));
    m_hubNodes->clear();
    const QJsonArray nodes = m_gateway->hub()->nodesJson();
    for (const QJsonValue &v : nodes) {
        const QJsonObject n = v.toObject();
        QStringList models;
        for (const QJsonValue &m : n.value(QStringLiteral("models")).toArray())
            models << m.toString();
        QString state = n.value(QStringLiteral("registered")).toBool() ? tr("Serving") : tr("Registering");
        if (!n.value(QStringLiteral("banned_until")).isNull())
            state = tr("Paused until %1").arg(sinceText(n.value(QStringLiteral("banned_until")).toString()));
        auto *item = new QTreeWidgetItem(m_hubNodes, {
            n.value(QStringLiteral("name")).toString(),
            n.value(QStringLiteral("address")).toString(),
            models.join(QStringLiteral(", ")),
            QString::number(n.value(QStringLiteral("in_flight")).toInt()),
            QString::number(n.value(QStringLiteral("served")).toInteger()),
            QString::number(n.value(QStringLiteral("errors")).toInteger()),
            sinceText(n.value(QStringLiteral("connected_since")).toString()),
            state,
        });
        item->setToolTip(7, n.value(QStringLiteral("last_error")).toString());
    }
}

void NodesPage::refreshNodeTokens()
{
    m_nodeTokens->clear();
    for (const AccessToken &t : m_editor->config().hub.nodeTokens)
        m_nodeTokens->addItem(t.name);
    refreshHubNodes();
}

void NodesPage::generateNodeToken()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("New node token"),
                                               tr("Name (the machine or person that will join):"), QLineEdit::Normal,
                                               QString(), &ok);
    if (!ok)
        return;
    m_editor->createNodeToken(name, [this, name](bool created, const QString &tokenOrError) {
        m_tokenError->setText(created ? QString() : tokenOrError);
        m_tokenError->setVisible(!created);
        if (!created)
            return;
        auto *dialog = new TokenRevealDialog(
            tr("Node token “%1”").arg(name.trimmed()),
            tr("Put this token in the joining machine's Co-Link client_token (in Switchyard: Nodes → Client token), "
               "with %1 as its server URL. Switchyard keeps only its fingerprint and cannot show it again.")
                .arg(hubUrl(m_gateway)),
            tokenOrError, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void NodesPage::revokeNodeToken()
{
    const QList<QListWidgetItem *> selected = m_nodeTokens->selectedItems();
    if (selected.isEmpty())
        return;
    m_editor->revokeNodeToken(selected.first()->text(), [this](bool ok, const QString &error) {
        m_tokenError->setText(error);
        m_tokenError->setVisible(!ok);
    });
}
