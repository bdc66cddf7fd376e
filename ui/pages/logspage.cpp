#include "logspage.h"

#include "gateway.h"
#include "logfilterproxy.h"
#include "requestformat.h"
#include "requestlogmodel.h"
#include "tailfollower.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTextEdit>
#include <QVBoxLayout>

LogsPage::LogsPage(Gateway *gateway, QWidget *parent)
    : QWidget(parent)
    , m_gateway(gateway)
{
    m_model = new RequestLogModel(gateway->requestLog(), RequestLogModel::DefaultMaxRows, this);
    m_proxy = new LogFilterProxy(m_model, this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilterBar());

    m_stack = new QStackedWidget(this);
    m_empty = new QLabel(m_stack);
    m_empty->setObjectName(QStringLiteral("logEmptyState"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_empty);

    auto *splitter = new QSplitter(Qt::Vertical, m_stack);
    splitter->addWidget(buildTable());
    m_details = new QTextEdit(splitter);
    m_details->setObjectName(QStringLiteral("logDetails"));
    m_details->setReadOnly(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setPlaceholderText(tr("Select a request to see all of its details here, including the full error."));
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    m_stack->addWidget(splitter);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buildStatusBar());

    m_follower = new TailFollower(m_table, m_proxy, m_model, this);
    connect(m_follower, &TailFollower::stateChanged, this, &LogsPage::updateJumpButton);
    connect(m_jump, &QPushButton::clicked, m_follower, &TailFollower::jumpToLatest);

    connect(
        m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
            addModels(first, last);
            updateEmptyState();
        });
    for (const auto signal : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, signal, this, &LogsPage::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &LogsPage::updateCount);
    connect(m_proxy, &LogFilterProxy::filtersChanged, this, &LogsPage::updateJumpButton);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LogsPage::showDetails);
    connect(gateway, &Gateway::listeningChanged, this, &LogsPage::updateEmptyState);

    addModels(0, m_model->rowCount() - 1);
    updateCount();
    updateEmptyState();
    updateJumpButton();
}

QWidget *LogsPage::buildFilterBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_filter = new QLineEdit(bar);
    m_filter->setObjectName(QStringLiteral("logFilter"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter by model, provider, error, client or endpoint"));
    m_filter->setToolTip(tr("Shows the requests that contain every word typed here, ignoring case."));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &LogFilterProxy::setText);
    row->addWidget(m_filter, 1);

    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_filter, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(find);

    m_modelFilter = new QComboBox(bar);
    m_modelFilter->setObjectName(QStringLiteral("logModelFilter"));
    m_modelFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_modelFilter->addItem(tr("All models"), QString());
    connect(m_modelFilter, &QComboBox::currentIndexChanged, m_proxy,
        [this] { m_proxy->setModelName(m_modelFilter->currentData().toString()); });
    row->addWidget(m_modelFilter);

    using Status = LogFilterProxy::StatusFilter;
    m_statusFilter = new QComboBox(bar);
    m_statusFilter->setObjectName(QStringLiteral("logStatusFilter"));
    m_statusFilter->addItem(tr("All statuses"), int(Status::All));
    m_statusFilter->addItem(tr("Success (2xx)"), int(Status::Success));
    m_statusFilter->addItem(tr("Client errors (4xx)"), int(Status::ClientErrors));
    m_statusFilter->addItem(tr("Server errors (5xx)"), int(Status::ServerErrors));
    m_statusFilter->addItem(tr("Cancelled (499)"), int(Status::Cancelled));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, m_proxy,
        [this] { m_proxy->setStatusFilter(Status(m_statusFilter->currentData().toInt())); });
    row->addWidget(m_statusFilter);

    return bar;
}

QWidget *LogsPage::buildStatusBar()
{
    // Under the table, where new rows arrive.
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_count = new QLabel(bar);
    m_count->setObjectName(QStringLiteral("logCount"));
    row->addWidget(m_count, 1);
    m_jump = new QPushButton(bar);
    m_jump->setObjectName(QStringLiteral("logJumpToLatest"));
    m_jump->setToolTip(tr("Scrolls to the newest request and keeps following new ones."));
    row->addWidget(m_jump);
    return bar;
}

QWidget *LogsPage::buildTable()
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);

    // No sort column at first: rows stay in the order requests finished. A click on a header sorts.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(RequestLogModel::Model, QHeaderView::Stretch);
    const QFontMetrics metrics = m_table->fontMetrics();
    const auto fit = [&](int column, const QString &sample) {
        const QString title = m_model->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(
            column, std::max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 28);
    };
    fit(RequestLogModel::Time,
        RequestFormat::time(
            QDateTime(QDate::currentDate().addDays(-1), QTime(23, 59, 59)).toMSecsSinceEpoch()));
    fit(RequestLogModel::Provider, QStringLiteral("provider-name-long"));
    fit(RequestLogModel::Status, QStringLiteral("000"));
    fit(RequestLogModel::Latency, RequestFormat::duration(99'999));
    fit(RequestLogModel::Ttfb, RequestFormat::duration(99'999));
    fit(RequestLogModel::Tokens, RequestFormat::tokens(199'999, 99'999));
    fit(RequestLogModel::Stream, tr("Yes"));
    return m_table;
}

void LogsPage::addModels(int firstRow, int lastRow)
{
    for (int row = firstRow; row <= lastRow; ++row) {
        const QString &model = m_model->record(row).publicModel;
        if (model.isEmpty() || m_modelFilter->findData(model) >= 0)
            continue;
        // Sorted after "All models"; inserting keeps the current choice.
        int at = 1;
        while (at < m_modelFilter->count()
            && m_modelFilter->itemText(at).compare(model, Qt::CaseInsensitive) < 0)
            ++at;
        m_modelFilter->insertItem(at, model, model);
    }
}

void LogsPage::showDetails()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_details->clear();
        return;
    }
    const int sourceRow = m_proxy->mapToSource(rows.first()).row();
    m_details->setHtml(RequestFormat::detailsHtml(m_model->record(sourceRow)));
}

void LogsPage::updateCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    // English needs no plural here, whatever the numbers; %Ln still lets other languages choose a form.
    if (shown == total)
        m_count->setText(tr("Requests: %Ln", nullptr, total));
    else if (shown == 0)
        m_count->setText(tr("No request matches these filters. Requests in the log: %Ln.", nullptr, total));
    else
        m_count->setText(tr("Showing %L1 of %Ln requests", nullptr, total).arg(shown));
}

void LogsPage::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentIndex(1);
        return;
    }
    m_stack->setCurrentIndex(0);
    if (m_gateway->isListening()) {
        m_empty->setText(tr("No requests yet.\n\nPoint a client at %1 and each request will appear here as "
                            "it finishes.")
                             .arg(m_gateway->baseUrl()));
    } else {
        m_empty->setText(tr("No requests yet.\n\nSwitchyard is not listening at the moment, so no client can "
                            "reach it. Requests will appear here once it serves again."));
    }
}

void LogsPage::updateJumpButton()
{
    const bool away = !m_follower->isFollowing() && m_proxy->rowCount() > 0;
    m_jump->setVisible(away);
    if (!away)
        return;
    const int unseen = m_follower->unseen();
    m_jump->setText(
        unseen > 0 ? tr("Jump to the latest (%Ln new)", nullptr, unseen) : tr("Jump to the latest request"));
}
