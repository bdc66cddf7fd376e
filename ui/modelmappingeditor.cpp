#include "modelmappingeditor.h"

#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

constexpr int OriginRole = Qt::UserRole;
constexpr int LastTextRole
    = Qt::UserRole + 1; // the provider's name as last written, to see what an edit changed

} // namespace

ModelMappingEditor::ModelMappingEditor(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("modelFilter"));
    m_filter->setPlaceholderText(tr("Filter models"));
    m_filter->setClearButtonEnabled(true);
    layout->addWidget(m_filter);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("modelsTable"));
    m_table->setHorizontalHeaderLabels({ tr("Provider's model"), tr("Public name") });
    m_table->horizontalHeaderItem(LocalColumn)
        ->setToolTip(tr("What the provider calls the model. Tick the models to offer."));
    m_table->horizontalHeaderItem(PublicColumn)
        ->setToolTip(tr("What clients of Switchyard ask for. Usually the same as the provider's name."));
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);
    layout->addWidget(m_table);

    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add model"), this);
    m_add->setObjectName(QStringLiteral("addModelButton"));
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("removeModelButton"));
    m_remove->setEnabled(false);
    // In a dialog, Enter means OK, not "add a row".
    m_add->setAutoDefault(false);
    m_remove->setAutoDefault(false);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::textChanged, this, &ModelMappingEditor::applyFilter);
    connect(m_table, &QTableWidget::itemChanged, this, &ModelMappingEditor::onItemChanged);
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
        [this] { m_remove->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_add, &QPushButton::clicked, this, &ModelMappingEditor::addEmptyRow);
    connect(m_remove, &QPushButton::clicked, this, &ModelMappingEditor::removeSelectedRows);
}

int ModelMappingEditor::addRow(const QString &local, const QString &publicName, bool ticked, Origin origin)
{
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *localItem = new QTableWidgetItem(local);
    localItem->setFlags(localItem->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsEditable);
    localItem->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
    localItem->setData(OriginRole, int(origin));
    localItem->setData(LastTextRole, local);
    m_table->setItem(row, LocalColumn, localItem);
    m_table->setItem(row, PublicColumn, new QTableWidgetItem(publicName));
    m_filling = false;
    applyFilter();
    return row;
}

void ModelMappingEditor::setMappings(const QList<ModelMapping> &mappings)
{
    m_table->setRowCount(0);
    for (const ModelMapping &m : mappings)
        addRow(m.localName, m.publicName, true, Origin::Typed);
    Q_EMIT changed();
}

void ModelMappingEditor::replaceSuggestions(const QStringList &localNames)
{
    for (int row = m_table->rowCount() - 1; row >= 0; --row) {
        if (Origin(m_table->item(row, LocalColumn)->data(OriginRole).toInt()) != Origin::Typed)
            m_table->removeRow(row);
    }
    for (const QString &name : localNames)
        addRow(name, name, true, Origin::Suggested);
    Q_EMIT changed();
}

int ModelMappingEditor::addFetched(const QStringList &localNames)
{
    const QSet<QString> listed(localNames.cbegin(), localNames.cend());
    // Ollama lists "llama3.2:latest" and serves it as "llama3.2" too; both name one model.
    const QString latest = QStringLiteral(":latest");
    QSet<QString> present;
    m_filling = true;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *item = m_table->item(row, LocalColumn);
        const QString name = item->text().trimmed();
        present << name << name + latest;
        // Not listed: a typo, a retired model, or an alias the provider serves but does not list (Anthropic
        // lists dated names only). Marked, not unticked: only the user can tell which.
        const bool missing = !name.isEmpty() && !listed.contains(name) && !listed.contains(name + latest);
        QFont font = item->font();
        font.setItalic(missing);
        item->setFont(font);
        item->setToolTip(missing
                ? tr("The provider did not list this name. It may be an alias that still works; "
                     "if not, untick it.")
                : QString());
    }
    m_filling = false;
    int added = 0;
    for (const QString &name : localNames) {
        if (present.contains(name))
            continue;
        addRow(name, name, false, Origin::Fetched);
        present << name << name + latest;
        ++added;
    }
    Q_EMIT changed();
    return added;
}

QList<ModelMapping> ModelMappingEditor::mappings() const
{
    QList<ModelMapping> result;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *local = m_table->item(row, LocalColumn);
        const QString localName = local->text().trimmed();
        if (local->checkState() != Qt::Checked || localName.isEmpty())
            continue;
        const QTableWidgetItem *pub = m_table->item(row, PublicColumn);
        const QString publicName = pub ? pub->text().trimmed() : QString();
        result.append(ModelMapping { publicName.isEmpty() ? localName : publicName, localName });
    }
    return result;
}

QString ModelMappingEditor::problem() const
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem *local = m_table->item(row, LocalColumn);
        if (local->checkState() == Qt::Checked && local->text().trimmed().isEmpty())
            return tr("A ticked row has no provider's name. Fill it in, or untick the row.");
    }
    const QList<ModelMapping> offered = mappings();
    if (offered.isEmpty())
        return tr("Tick at least one model to offer, or add one with “Add model”.");
    QSet<QString> seen;
    for (const ModelMapping &m : offered) {
        if (seen.contains(m.publicName))
            return tr("Clients could not tell two models apart: “%1” is used twice as a public name.")
                .arg(m.publicName);
        seen.insert(m.publicName);
    }
    return {};
}

void ModelMappingEditor::onItemChanged(QTableWidgetItem *item)
{
    if (m_filling)
        return;
    if (item->column() == LocalColumn) {
        const QString before = item->data(LastTextRole).toString();
        const QString now = item->text();
        if (now != before) {
            m_filling = true;
            // The name for clients follows the provider's name until the user makes it different.
            QTableWidgetItem *pub = m_table->item(item->row(), PublicColumn);
            if (pub && (pub->text().isEmpty() || pub->text() == before))
                pub->setText(now);
            item->setData(LastTextRole, now);
            item->setData(OriginRole, int(Origin::Typed));
            m_filling = false;
        }
    } else {
        m_table->item(item->row(), LocalColumn)->setData(OriginRole, int(Origin::Typed));
    }
    Q_EMIT changed();
}

void ModelMappingEditor::addEmptyRow()
{
    m_filter->clear();
    const int row = addRow(QString(), QString(), true, Origin::Typed);
    m_table->setCurrentCell(row, LocalColumn);
    m_table->editItem(m_table->item(row, LocalColumn));
    Q_EMIT changed();
}

void ModelMappingEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : std::as_const(rows))
        m_table->removeRow(row);
    Q_EMIT changed();
}

void ModelMappingEditor::applyFilter()
{
    const QString needle = m_filter->text().trimmed();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        bool match = needle.isEmpty();
        for (int column : { int(LocalColumn), int(PublicColumn) }) {
            const QTableWidgetItem *item = m_table->item(row, column);
            match = match || (item && item->text().contains(needle, Qt::CaseInsensitive));
        }
        m_table->setRowHidden(row, !match);
    }
}
