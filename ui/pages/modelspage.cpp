#include "modelspage.h"

#include "config/configeditor.h"
#include "gateway.h"
#include "core/clock.h"
#include "hub/hub.h"
#include "routing/router.h"
#include "inlineerror.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {

enum Column { NameColumn, LocalColumn, PriorityColumn, WeightColumn, StateColumn };
// On candidate rows: which provider and which of its mappings the row shows.
constexpr int ProviderRole = Qt::UserRole;
constexpr int MappingRole = Qt::UserRole + 1;

} // namespace

ModelsPage::ModelsPage(Gateway *gateway, ConfigEditor *editor, QWidget *parent)
    : QWidget(parent), m_gateway(gateway), m_editor(editor)
{
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h2>Models</h2>What clients can ask for, and who serves it. A request goes to the "
                                "highest priority first; equal priorities share the load by weight. Double-click "
                                "a public name, priority or weight to change it."),
                             this);
    title->setWordWrap(true);
    layout->addWidget(title);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("modelTree"));
    m_tree->setHeaderLabels({tr("Public name / served by"), tr("Provider's model"), tr("Priority"), tr("Weight"),
                             tr("State")});
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    layout->addWidget(m_tree, 1);
    m_error = InlineError::create(this, QStringLiteral("modelsError"));
    layout->addWidget(m_error);

    connect(m_tree, &QTreeWidget::itemChanged, this, &ModelsPage::onItemChanged);
    connect(editor, &ConfigEditor::changed, this, &ModelsPage::refresh);
    connect(gateway->router(), &Router::healthChanged, this, &ModelsPage::refresh);
    connect(gateway->hub(), &Hub::nodesChanged, this, &ModelsPage::refresh);
    refresh();
}

void ModelsPage::refresh()
{
    m_refreshing = true;
    QMap<QString, QList<QTreeWidgetItem *>> byModel;
    const QList<ProviderConfig> &providers = m_editor->config().providers;
    for (qsizetype pi = 0; pi < providers.size(); ++pi) {
        const ProviderConfig &p = providers.at(pi);
        for (qsizetype mi = 0; mi < p.models.size(); ++mi) {
            const ModelMapping &m = p.models.at(mi);
            auto *row = new QTreeWidgetItem({p.name, m.localName, QString::number(p.priority),
                                             QString::number(p.weight), stateOf(p, m.localName)});
            row->setData(NameColumn, ProviderRole, int(pi));
            row->setData(NameColumn, MappingRole, int(mi));
            row->setFlags(row->flags() | Qt::ItemIsEditable);
            row->setToolTip(PriorityColumn, tr("Priority and weight belong to the provider “%1” and apply to all "
                                               "of its models.")
                                                .arg(p.name));
            byModel[m.publicName] << row;
        }
    }
    for (const BackendPtr &node : m_gateway->router()->nodeBackends()) {
        for (const ModelMapping &m : node->config.models) {
            auto *row = new QTreeWidgetItem({node->config.name, m.localName,
                                             QString::number(node->config.priority),
                                             QString::number(node->config.weight), tr("Connected")});
            byModel[m.publicName] << row;
        }
    }

    // Names the user collapsed stay collapsed; new ones (a node's models, say) arrive expanded.
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *top = m_tree->topLevelItem(i);
        if (top->isExpanded())
            m_collapsed.remove(top->text(NameColumn));
        else
            m_collapsed.insert(top->text(NameColumn));
    }
    m_tree->clear();
    for (auto it = byModel.cbegin(); it != byModel.cend(); ++it) {
        auto *top = new QTreeWidgetItem(m_tree, {it.key()});
        top->setData(NameColumn, ProviderRole, it.key()); // the name before any edit
        top->setFlags(top->flags() | Qt::ItemIsEditable);
        top->setText(StateColumn, tr("%n candidate(s)", nullptr, int(it.value().size())));
        QFont bold = top->font(NameColumn);
        bold.setBold(true);
        top->setFont(NameColumn, bold);
        top->addChildren(it.value());
        top->setExpanded(!m_collapsed.contains(it.key()));
    }
    m_refreshing = false;
}

QString ModelsPage::stateOf(const ProviderConfig &p, const QString &localModel) const
{
    if (!p.enabled)
        return tr("Disabled");
    const Router *router = m_gateway->router();
    for (const BackendPtr &b : router->backends()) {
        if (b->config.name != p.name)
            continue;
        const qint64 now = router->clock()->nowMs();
        const qint64 until = qMax(router->backendBannedUntilMs(*b), b->modelBannedUntilMs.value(localModel));
        if (until > now) {
            const qint64 wall = QDateTime::currentMSecsSinceEpoch() + until - now;
            return tr("Paused until %1").arg(QDateTime::fromMSecsSinceEpoch(wall).toString(QStringLiteral("HH:mm:ss")));
        }
        if (b->keyInvalid)
            return tr("Key refused");
    }
    return tr("Enabled");
}

void ModelsPage::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (m_refreshing || !item->data(NameColumn, ProviderRole).isValid())
        return;
    // Saving rebuilds the tree, which deletes the item whose change is being signalled: act once it returns.
    auto later = [this](std::function<void()> work) { QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection); };
    // The change is applied to the providers as they are when the save runs, not to a copy taken now.
    auto save = [this, later](std::function<void(QList<ProviderConfig> &)> change) {
        later([this, change] {
            m_editor->updateProviders(change, [this](bool saved, const QString &error) {
                m_error->setText(error);
                m_error->setVisible(!saved);
                if (!saved)
                    refresh();
            });
        });
    };
    auto refuse = [this, later](const QString &message) {
        m_error->setText(message);
        m_error->show();
        later([this] { refresh(); });
    };
    if (!item->parent()) {
        // A public name renamed: every provider mapping that offered it now offers the new name.
        const QString oldName = item->data(NameColumn, ProviderRole).toString();
        const QString newName = item->text(NameColumn).trimmed();
        if (column != NameColumn || newName == oldName)
            return;
        if (newName.isEmpty() || newName.contains(QLatin1Char(' '))) {
            refuse(tr("A public model name cannot be empty or contain spaces."));
            return;
        }
        save([oldName, newName](QList<ProviderConfig> &providers) {
            for (ProviderConfig &p : providers) {
                for (ModelMapping &m : p.models) {
                    if (m.publicName == oldName)
                        m.publicName = newName;
                }
            }
        });
        return;
    }
    const QList<ProviderConfig> &providers = m_editor->config().providers;
    const int pi = item->data(NameColumn, ProviderRole).toInt();
    const int mi = item->data(NameColumn, MappingRole).toInt();
    if (pi >= providers.size() || mi >= providers.at(pi).models.size())
        return;
    const QString providerName = providers.at(pi).name;
    const QString text = item->text(column).trimmed();
    bool ok = true;
    int number = 0;
    switch (column) {
    case NameColumn: // the provider's name: renamed on the Providers page
        later([this] { refresh(); });
        return;
    case LocalColumn:
        ok = !text.isEmpty();
        break;
    case PriorityColumn:
        number = text.toInt(&ok);
        break;
    case WeightColumn:
        number = text.toInt(&ok);
        ok = ok && number >= 1;
        break;
    default:
        ok = false;
    }
    if (!ok) {
        refuse(tr("“%1” is not a valid value here. Priorities are whole numbers; weights are whole numbers of 1 "
                  "or more.")
                   .arg(text));
        return;
    }
    save([providerName, mi, column, text, number](QList<ProviderConfig> &all) {
        for (ProviderConfig &p : all) {
            if (p.name != providerName)
                continue;
            if (column == LocalColumn && mi < p.models.size())
                p.models[mi].localName = text;
            else if (column == PriorityColumn)
                p.priority = number;
            else if (column == WeightColumn)
                p.weight = number;
        }
    });
}
