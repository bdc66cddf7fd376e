// The Logs page over a real gateway: requests made over loopback show up live, the filters pick the right
// rows, the detail pane has the whole record, and follow mode behaves like a terminal's.
#include "pages/logspage.h"
#include "pages/requestlogmodel.h"
#include "pagetraffic.h"
#include "storage/requestlog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>
#include <QTextEdit>

namespace {

QStringList column(const QTableView *table, int column)
{
    QStringList cells;
    for (int row = 0; row < table->model()->rowCount(); ++row)
        cells.append(table->model()->index(row, column).data().toString());
    return cells;
}

void choose(QComboBox *combo, const QString &text)
{
    const int index = combo->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    combo->setCurrentIndex(index);
}

// The row at the given view row, as "model status".
QString rowText(const QTableView *table, int row)
{
    const QAbstractItemModel *model = table->model();
    return model->index(row, RequestLogModel::Model).data().toString() + QLatin1Char(' ')
        + model->index(row, RequestLogModel::Status).data().toString();
}

bool rowOnScreen(const QTableView *table, int row)
{
    const QRect rect = table->visualRect(table->model()->index(row, 0));
    return rect.top() >= 0 && rect.bottom() <= table->viewport()->height();
}

bool newestRowOnScreen(const QTableView *table)
{
    return rowOnScreen(table, table->model()->rowCount() - 1);
}

// Which request is at the top of the viewport, as the model numbers it for good.
qint64 serialAtTop(const QTableView *table)
{
    const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(table->model());
    const auto *rows = qobject_cast<const RequestLogModel *>(proxy->sourceModel());
    return rows->serial(proxy->mapToSource(table->indexAt(QPoint(1, 1))).row());
}

} // namespace

class TestLogsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyStateThenLiveRow();
    void historyIsLoadedOldestFirst();
    void filtersPickTheRightRows();
    void detailPaneShowsTheWholeRecord();
    void followModeKeepsTheNewestRowInSight();
    void followModeNewestFirst();
    void modelKeepsTheNewestRows();

private:
    std::unique_ptr<LogsPage> showPage(QSize size = QSize(900, 500));

    std::unique_ptr<PageTraffic> m_traffic;
};

void TestLogsPage::init()
{
    m_traffic = std::make_unique<PageTraffic>();
    QVERIFY(m_traffic->start());
}

void TestLogsPage::cleanup()
{
    m_traffic.reset();
}

std::unique_ptr<LogsPage> TestLogsPage::showPage(QSize size)
{
    auto page = std::make_unique<LogsPage>(m_traffic->gateway());
    page->resize(size);
    page->show();
    if (!QTest::qWaitForWindowExposed(page.get()))
        return nullptr;
    return page;
}

void TestLogsPage::emptyStateThenLiveRow()
{
    const auto page = showPage();
    QVERIFY(page);
    auto *empty = page->findChild<QLabel *>(QStringLiteral("logEmptyState"));
    auto *table = page->findChild<QTableView *>(QStringLiteral("logTable"));
    QVERIFY(empty && table);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().startsWith(QStringLiteral("No requests yet.")));
    QVERIFY2(empty->text().contains(m_traffic->gateway()->baseUrl()), qPrintable(empty->text()));
    QVERIFY(!table->isVisible());

    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QVERIFY(table->isVisible());
    QVERIFY(!empty->isVisible());
    const QAbstractItemModel *rows = table->model();
    QCOMPARE(rows->index(0, RequestLogModel::Model).data().toString(), QStringLiteral("pro-model"));
    QCOMPARE(rows->index(0, RequestLogModel::Provider).data().toString(), QStringLiteral("alpha"));
    QCOMPARE(rows->index(0, RequestLogModel::Status).data().toString(), QStringLiteral("200"));
    QCOMPARE(rows->index(0, RequestLogModel::Tokens).data().toString(), QStringLiteral("11 → 7"));
    QCOMPARE(rows->index(0, RequestLogModel::Stream).data().toString(), QStringLiteral("No"));
    QVERIFY(rows->index(0, RequestLogModel::Latency).data().toString().endsWith(QStringLiteral(" ms")));
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("logCount"))->text(), QStringLiteral("Requests: 1"));
    // Success is not washed; a failure is.
    QVERIFY(!rows->index(0, RequestLogModel::Model).data(Qt::BackgroundRole).isValid());
}

void TestLogsPage::historyIsLoadedOldestFirst()
{
    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QCOMPARE(m_traffic->chat(QStringLiteral("fast-model")), 429);
    const auto page = showPage();
    QVERIFY(page);
    auto *table = page->findChild<QTableView *>(QStringLiteral("logTable"));
    QCOMPARE(column(table, RequestLogModel::Model),
        QStringList({ QStringLiteral("pro-model"), QStringLiteral("fast-model") }));
    QCOMPARE(column(table, RequestLogModel::Status),
        QStringList({ QStringLiteral("200"), QStringLiteral("429") }));
    QVERIFY(table->model()->index(1, RequestLogModel::Model).data(Qt::BackgroundRole).isValid());
}

void TestLogsPage::filtersPickTheRightRows()
{
    const auto page = showPage();
    QVERIFY(page);
    auto *table = page->findChild<QTableView *>(QStringLiteral("logTable"));
    auto *text = page->findChild<QLineEdit *>(QStringLiteral("logFilter"));
    auto *models = page->findChild<QComboBox *>(QStringLiteral("logModelFilter"));
    auto *statuses = page->findChild<QComboBox *>(QStringLiteral("logStatusFilter"));
    auto *count = page->findChild<QLabel *>(QStringLiteral("logCount"));
    QVERIFY(text && models && statuses && count);

    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QCOMPARE(m_traffic->chat(QStringLiteral("fast-model")), 429);
    const int brokenStatus = m_traffic->chat(QStringLiteral("broken-model"));
    QVERIFY2(brokenStatus >= 500 && brokenStatus < 600, QByteArray::number(brokenStatus).constData());
    QCOMPARE(m_traffic->chat(QStringLiteral("gpt-9")), 404);
    QVERIFY(m_traffic->cancelledStream());
    QTRY_COMPARE(table->model()->rowCount(), 6);
    QCOMPARE(count->text(), QStringLiteral("Requests: 6"));
    const QString broken = QStringLiteral("broken-model %1").arg(brokenStatus);

    QStringList modelNames;
    for (int i = 0; i < models->count(); ++i)
        modelNames.append(models->itemText(i));
    QCOMPARE(modelNames,
        QStringList(
            { QStringLiteral("All models"), QStringLiteral("broken-model"), QStringLiteral("fast-model"),
                QStringLiteral("gpt-9"), QStringLiteral("pro-model"), QStringLiteral("slow-model") }));

    const auto shown = [&] {
        QStringList rows;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            rows.append(rowText(table, row));
        return rows;
    };
    choose(statuses, QStringLiteral("Success (2xx)"));
    QCOMPARE(shown(), QStringList({ QStringLiteral("pro-model 200"), QStringLiteral("pro-model 200") }));
    QCOMPARE(count->text(), QStringLiteral("Showing 2 of 6 requests"));
    choose(statuses, QStringLiteral("Client errors (4xx)"));
    QCOMPARE(shown(), QStringList({ QStringLiteral("fast-model 429"), QStringLiteral("gpt-9 404") }));
    choose(statuses, QStringLiteral("Server errors (5xx)"));
    QCOMPARE(shown(), QStringList({ broken }));
    choose(statuses, QStringLiteral("Cancelled (499)"));
    QCOMPARE(shown(), QStringList({ QStringLiteral("slow-model 499") }));

    // Model and status together; nothing left says so.
    choose(models, QStringLiteral("pro-model"));
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(count->text(), QStringLiteral("No request matches these filters. Requests in the log: 6."));
    choose(statuses, QStringLiteral("All statuses"));
    QCOMPARE(shown(), QStringList({ QStringLiteral("pro-model 200"), QStringLiteral("pro-model 200") }));
    choose(models, QStringLiteral("All models"));
    QCOMPARE(table->model()->rowCount(), 6);

    // Text: the error body, the provider (any case), the provider's model name, several words at once.
    QTest::keyClicks(text, QStringLiteral("meltdown"));
    QCOMPARE(shown(), QStringList({ broken }));
    text->setText(QStringLiteral("BETA"));
    QCOMPARE(shown(), QStringList({ QStringLiteral("fast-model 429") }));
    text->setText(QStringLiteral("a-1"));
    QCOMPARE(shown(), QStringList({ QStringLiteral("pro-model 200"), QStringLiteral("pro-model 200") }));
    text->setText(QStringLiteral("127.0.0.1  /v1/chat/completions"));
    QCOMPARE(table->model()->rowCount(), 6);
    text->setText(QStringLiteral("alpha meltdown"));
    QCOMPARE(table->model()->rowCount(), 0);
    text->clear();
    QCOMPARE(table->model()->rowCount(), 6);
}

void TestLogsPage::detailPaneShowsTheWholeRecord()
{
    const auto page = showPage();
    QVERIFY(page);
    auto *table = page->findChild<QTableView *>(QStringLiteral("logTable"));
    auto *details = page->findChild<QTextEdit *>(QStringLiteral("logDetails"));
    QVERIFY(table && details);
    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    const int brokenStatus = m_traffic->chat(QStringLiteral("broken-model"));
    QTRY_COMPARE(table->model()->rowCount(), 2);
    QVERIFY(details->toPlainText().isEmpty());
    QVERIFY(details->isReadOnly());

    table->selectRow(1);
    const QString text = details->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("internal meltdown")), qPrintable(text));
    for (const QString &expected : { QStringLiteral("Status"), QString::number(brokenStatus),
             QStringLiteral("broken-model"), QStringLiteral("gamma"), QStringLiteral("g-1"),
             QStringLiteral("Attempts"), QStringLiteral("Latency"), QStringLiteral("Time to first byte"),
             QStringLiteral("/v1/chat/completions"), QStringLiteral("127.0.0.1"), QStringLiteral("Error") })
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral(" missing in:\n") + text));

    table->selectRow(0);
    const QString ok = details->toPlainText();
    QVERIFY(ok.contains(QStringLiteral("alpha")));
    QVERIFY2(ok.contains(QStringLiteral("Prompt tokens\n11")), qPrintable(ok));
    QVERIFY(!ok.contains(QStringLiteral("meltdown")));
    QVERIFY(!ok.contains(QStringLiteral("Error")));

    table->clearSelection();
    QVERIFY(details->toPlainText().isEmpty());
}

void TestLogsPage::followModeKeepsTheNewestRowInSight()
{
    const auto page = showPage(QSize(800, 320));
    QVERIFY(page);
    auto *table = page->findChild<QTableView *>(QStringLiteral("logTable"));
    auto *jump = page->findChild<QPushButton *>(QStringLiteral("logJumpToLatest"));
    QVERIFY(table && jump);
    QScrollBar *bar = table->verticalScrollBar();
    for (int i = 0; i < 30; ++i)
        QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QTRY_COMPARE(table->model()->rowCount(), 30);
    QTRY_VERIFY(bar->maximum() > 0);
    // Thirty rows do not fit: following means scrolled to the bottom.
    QTRY_COMPARE(bar->value(), bar->maximum());
    QVERIFY(newestRowOnScreen(table));
    QVERIFY(!jump->isVisible());

    QCOMPARE(m_traffic->chat(QStringLiteral("fast-model")), 429);
    QTRY_COMPARE(table->model()->rowCount(), 31);
    QTRY_VERIFY(newestRowOnScreen(table));
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(rowText(table, 30), QStringLiteral("fast-model 429"));

    // Scrolled away to the top: new rows leave the view where it is.
    bar->setValue(0);
    QVERIFY(jump->isVisible());
    QCOMPARE(jump->text(), QStringLiteral("Jump to the latest request"));
    const QModelIndex topBefore = table->indexAt(QPoint(1, 1));
    QCOMPARE(topBefore.row(), 0);
    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QCOMPARE(m_traffic->chat(QStringLiteral("pro-model")), 200);
    QTRY_COMPARE(table->model()->rowCount(), 33);
    QTRY_COMPARE(jump->text(), QStringLiteral("Jump to the latest (2 new)"));
    QCOMPARE(bar->value(), 0);
    QCOMPARE(table->indexAt(QPoint(1, 1)).row(), 0);
    QVERIFY(!newestRowOnScreen(table));

    // Back to the newest row: following again, and new rows keep it in sight.
    jump->click();
    QVERIFY(newestRowOnScreen(table));
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!jump->isVisible());
    QCOMPARE(m_traffic->chat(QStringLiteral("broken-model")) / 100, 5);
    QTRY_COMPARE(table->model()->rowCount(), 34);
    QTRY_VERIFY(newestRowOnScreen(table));
    QVERIFY(rowText(table, 33).startsWith(QStringLiteral("broken-model")));

    // Scrolling to the bottom by hand also resumes following.
    bar->setValue(bar->maximum() / 2);
    QVERIFY(jump->isVisible());
    bar->setValue(bar->maximum());
    QVERIFY(!jump->isVisible());
}

void TestLogsPage::followModeNewestFirst()
{
    const auto page = showPage(QSize(800, 320));
    QVERIFY(page);
    auto *table = page->findChild<QTableView *>(QStringLiteral("logTable"));
    auto *jump = page->findChild<QPushButton *>(QStringLiteral("logJumpToLatest"));
    QScrollBar *bar = table->verticalScrollBar();
    const auto request = [this](const QString &model) {
        QTest::qWait(3); // distinct arrival times, so sorting by time has no ties
        return m_traffic->chat(model);
    };
    for (int i = 0; i < 30; ++i)
        QCOMPARE(request(QStringLiteral("pro-model")), 200);
    QTRY_COMPARE(table->model()->rowCount(), 30);

    // Sorted newest first, as a click on the Time header does: the newest row is at the top, and stays there.
    table->sortByColumn(RequestLogModel::Time, Qt::DescendingOrder);
    QCOMPARE(bar->value(), 0);
    QCOMPARE(request(QStringLiteral("fast-model")), 429);
    QTRY_COMPARE(table->model()->rowCount(), 31);
    QCOMPARE(rowText(table, 0), QStringLiteral("fast-model 429"));
    QVERIFY(rowOnScreen(table, 0));
    QVERIFY(!jump->isVisible());

    // Reading the oldest rows at the bottom: rows arriving above push nothing out of place.
    bar->setValue(bar->maximum());
    QVERIFY(jump->isVisible());
    const qint64 reading = serialAtTop(table);
    const int value = bar->value();
    QCOMPARE(request(QStringLiteral("pro-model")), 200);
    QCOMPARE(request(QStringLiteral("pro-model")), 200);
    QTRY_COMPARE(table->model()->rowCount(), 33);
    QTRY_COMPARE(jump->text(), QStringLiteral("Jump to the latest (2 new)"));
    QCOMPARE(serialAtTop(table), reading);
    QVERIFY(bar->value() > value);
    QVERIFY(!rowOnScreen(table, 0));

    jump->click();
    QCOMPARE(bar->value(), 0);
    QVERIFY(rowOnScreen(table, 0));
    QVERIFY(!jump->isVisible());
}

void TestLogsPage::modelKeepsTheNewestRows()
{
    RequestLog *log = m_traffic->gateway()->requestLog();
    RequestLogModel model(log, 3);
    QCOMPARE(model.rowCount(), 0);
    for (int i = 1; i <= 5; ++i) {
        RequestRecord r;
        r.timeMs = QDateTime::currentMSecsSinceEpoch();
        r.publicModel = QStringLiteral("model-%1").arg(i);
        r.status = 200;
        log->record(r);
    }
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.record(0).publicModel, QStringLiteral("model-3"));
    QCOMPARE(model.record(2).publicModel, QStringLiteral("model-5"));
    // Serial numbers outlive dropped rows.
    QCOMPARE(model.serial(0), 2);
    QCOMPARE(model.rowOfSerial(4), 2);
    QCOMPARE(model.rowOfSerial(1), -1);

    // A new model over the same log starts from what is on disk, newest last.
    RequestLogModel reloaded(log, 2);
    QCOMPARE(reloaded.rowCount(), 2);
    QCOMPARE(reloaded.record(0).publicModel, QStringLiteral("model-4"));
    QCOMPARE(reloaded.record(1).publicModel, QStringLiteral("model-5"));
}

QTEST_MAIN(TestLogsPage)
#include "tst_logspage.moc"
