#include "providerspage.h"

#include "config/configeditor.h"
#include "gateway.h"
#include "providerdialog.h"
#include "core/clock.h"
#include "routing/router.h"
#include "inlineerror.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {

enum Column { NameColumn, TypeColumn, UrlColumn, ModelsColumn, StateColumn };

} // namespace

ProvidersPage::ProvidersPage(Gateway *gateway, ConfigEditor *editor, QWidget *parent)
    : QWidget(parent), m_gateway(gateway), m_editor(editor)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Providers</h2>Model providers and local servers this machine can call. "
                                "Keys are kept in the system keychain."),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("providerList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Name"), tr("Type"), tr("Base URL"), tr("Models"), tr("State")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ModelsColumn, QHeaderView::Stretch);
    layout->addWidget(m_list, 1);

    m_empty = new QLabel(tr("No providers yet. Click <b>Add provider</b> to connect OpenAI, Anthropic, Gemini, "
                            "a local Ollama and more."),
                         this);
    m_empty->setObjectName(QStringLiteral("providersEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);

    m_error = InlineError::create(this, QStringLiteral("providersError"));
    layout->addWidget(m_error);

    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("Add provider…"), this);
    add->setObjectName(QStringLiteral("addProvider"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editProvider"));
    m_toggle = new QPushButton(tr("Disable"), this);
    m_toggle->setObjectName(QStringLiteral("toggleProvider"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteProvider"));
    buttons->addWidget(add);
    buttons->addStretch();
    buttons->addWidget(m_edit);
    buttons->addWidget(m_toggle);
    buttons->addWidget(m_delete);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, &ProvidersPage::addProvider);
    connect(m_edit, &QPushButton::clicked, this, &ProvidersPage::editSelected);
    connect(m_toggle, &QPushButton::clicked, this, &ProvidersPage::toggleSelected);
    connect(m_delete, &QPushButton::clicked, this, &ProvidersPage::deleteSelected);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &ProvidersPage::editSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ProvidersPage::updateButtons);
    connect(editor, &ConfigEditor::changed, this, &ProvidersPage::refresh);
    connect(editor, &ConfigEditor::keychainChanged, this, &ProvidersPage::refresh);
    connect(gateway->router(), &Router::healthChanged, this, &ProvidersPage::refresh);
    // Bans expire without an event: look again now and then.
    auto *tick = new QTimer(this);
    connect(tick, &QTimer::timeout, this, &ProvidersPage::refresh);
    tick->start(5000);
    refresh();
}

QString ProvidersPage::stateText(const ProviderConfig &p, QString *tooltip, int *severity) const
{
    *severity = 0;
    if (!p.enabled)
        return tr("Disabled");
    BackendPtr backend;
    for (const BackendPtr &b : m_gateway->router()->backends()) {
        if (b->config.name == p.name)
            backend = b;
    }
    // A server on this machine (Ollama, LM Studio) usually needs no key; anything else does.
    const QString host = QUrl(p.baseUrl).host();
    const bool local = !host.isEmpty() && Gateway::isLoopback(host);
    if (p.keySource == KeySource::Keychain && !m_editor->hasStoredKey(p.name) && !local) {
        *severity = 1;
        *tooltip = m_editor->keychainAvailable() ? tr("Edit the provider to enter its API key.")
                                                 : tr("The keychain is not available, so the key cannot be read.");
        return tr("No key");
    }
    if (!backend)
        return tr("Ready");
    *tooltip = backend->lastError;
    if (backend->keyInvalid) {
        *severity = 2;
        return tr("Key refused");
    }
    const qint64 until = m_gateway->router()->backendBannedUntilMs(*backend);
    if (until > 0) {
        *severity = 2;
        const qint64 wall = QDateTime::currentMSecsSinceEpoch() + until - m_gateway->router()->clock()->nowMs();
        return tr("Paused until %1").arg(QDateTime::fromMSecsSinceEpoch(wall).toString(QStringLiteral("HH:mm:ss")));
    }
    if (backend->served > 0)
        return tr("OK · %n request(s) served", nullptr, int(qMin<qint64>(backend->served, INT_MAX)));
    return tr("Ready");
}

void ProvidersPage::refresh()
{
    const QString selected = selectedName();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const ProviderConfig &p : m_editor->config().providers) {
        QString tooltip;
        int severity = 0;
        const QString state = stateText(p, &tooltip, &severity);
        QStringList models;
        for (const ModelMapping &m : p.models)
            models << m.publicName;
        auto *item = new QTreeWidgetItem(m_list, {p.name, p.type, p.baseUrl.isEmpty() ? tr("(default)") : p.baseUrl,
                                                  models.join(QStringLiteral(", ")), state});
        item->setToolTip(ModelsColumn, models.join(QLatin1Char('\n')));
        item->setToolTip(StateColumn, tooltip);
        if (severity == 2)
            item->setForeground(StateColumn, QColor(0xc5, 0x22, 0x1f));
        else if (severity == 1)
            item->setForeground(StateColumn, QColor(0xb0, 0x60, 0x00));
        if (!p.enabled) {
            for (int c = 0; c <= StateColumn; ++c)
                item->setForeground(c, palette().color(QPalette::Disabled, QPalette::Text));
        }
        if (p.name == selected)
            item->setSelected(true);
    }
    const bool empty = m_editor->config().providers.isEmpty();
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
    updateButtons();
}

// Only the buttons: rebuilding the list here would delete the item whose selection is being changed.
void ProvidersPage::updateButtons()
{
    const QString current = selectedName();
    m_edit->setEnabled(!current.isEmpty());
    m_toggle->setEnabled(!current.isEmpty());
    m_delete->setEnabled(!current.isEmpty());
    for (const ProviderConfig &p : m_editor->config().providers) {
        if (p.name == current)
            m_toggle->setText(p.enabled ? tr("Disable") : tr("Enable"));
    }
}

QString ProvidersPage::selectedName() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->text(NameColumn);
}

void ProvidersPage::report(bool ok, const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!ok);
}

void ProvidersPage::addProvider()
{
    QStringList taken;
    for (const ProviderConfig &p : m_editor->config().providers)
        taken << p.name;
    auto *dialog = new ProviderDialog(taken, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const std::optional<QString> key = dialog->apiKey().isEmpty() ? std::nullopt : std::optional(dialog->apiKey());
        m_editor->saveProvider({}, dialog->provider(), key, [this](bool ok, const QString &e) { report(ok, e); });
    });
    dialog->open();
}

void ProvidersPage::editSelected()
{
    const QString name = selectedName();
    for (const ProviderConfig &p : m_editor->config().providers) {
        if (p.name != name)
            continue;
        QStringList taken;
        for (const ProviderConfig &other : m_editor->config().providers) {
            if (other.name != name)
                taken << other.name;
        }
        auto *dialog = new ProviderDialog(p, taken, this);
        dialog->setStoredApiKey(m_editor->storedKey(p.name));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
            const std::optional<QString> key =
                dialog->keyEdited() && !dialog->apiKey().isEmpty() ? std::optional(dialog->apiKey()) : std::nullopt;
            m_editor->saveProvider(name, dialog->provider(), key, [this](bool ok, const QString &e) { report(ok, e); });
        });
        dialog->open();
        return;
    }
}

void ProvidersPage::toggleSelected()
{
    const QString name = selectedName();
    for (const ProviderConfig &p : m_editor->config().providers) {
        if (p.name == name) {
            m_editor->setProviderEnabled(name, !p.enabled, [this](bool ok, const QString &e) { report(ok, e); });
            return;
        }
    }
}

void ProvidersPage::deleteSelected()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete provider"),
                                tr("Delete the provider “%1” and its key in the keychain? Clients asking for its "
                                   "models will be routed to other providers, if any serve them.")
                                    .arg(name),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, name](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            m_editor->removeProvider(name, [this](bool ok, const QString &e) { report(ok, e); });
    });
    box->open();
}
