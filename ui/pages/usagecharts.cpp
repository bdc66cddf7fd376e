#include "usagecharts.h"

#include "requestformat.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <limits>

void UsageCharts::clear(QChart *chart)
{
    chart->removeAllSeries();
    const auto axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QCategoryAxis *UsageCharts::dayAxis(const UsageReport &report)
{
    // A value axis labelled at chosen days rather than a bar category axis: thirty dates do not fit under a
    // half-width chart, so a long period is labelled every few days, with a line per day still.
    const QStringList labels = dayLabels(report);
    // Half-width charts fit about four labels of "Tue 17"; every other day is labelled for a week.
    const int step = labels.size() <= 4 ? 1 : labels.size() <= 10 ? 2 : int((labels.size() + 5) / 6);
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(-0.5, labels.size() - 0.5);
    axis->setStartValue(-0.5);
    // Counted back from today, so the newest day always has its label; appended in ascending order.
    for (qsizetype i = (labels.size() - 1) % step; i < labels.size(); i += step)
        axis->append(labels.at(i), qreal(i));
    axis->setGridLineVisible(false);
    return axis;
}

QStringList UsageCharts::dayLabels(const UsageReport &report)
{
    // Format strings are translatable: another language orders day and month its own way.
    const QString format = report.dayCount() <= 10
        ? tr("ddd d", "QDate format of a day on the usage charts, for a week")
        : tr("MMM d", "QDate format of a day on the usage charts, for a month");
    const QLocale locale;
    QStringList labels;
    for (int i = 0; i < report.dayCount(); ++i)
        labels.append(locale.toString(report.firstDay.addDays(i), format));
    return labels;
}

QColor UsageCharts::providerColor(const QStringList &providers, const QString &provider)
{
    if (provider.isEmpty())
        return QColor(0x9c, 0xa3, 0xaf); // Switchyard itself: grey, it is not a provider
    // Ten well-separated hues (Tableau 10 without its grey, which means Switchyard itself).
    static const QColor colors[] = {
        QColor(0x4e, 0x79, 0xa7), QColor(0xf2, 0x8e, 0x2b), QColor(0x59, 0xa1, 0x4f), QColor(0xe1, 0x57, 0x59),
        QColor(0x76, 0xb7, 0xb2), QColor(0xed, 0xc9, 0x48), QColor(0xb0, 0x7a, 0xa1), QColor(0xff, 0x9d, 0xa7),
        QColor(0x9c, 0x75, 0x5f), QColor(0x1f, 0x3a, 0x93),
    };
    qsizetype index = providers.indexOf(provider);
    if (providers.contains(QString()))
        --index;
    return colors[std::max<qsizetype>(index, 0) % std::size(colors)];
}

void UsageCharts::fillPerProvider(QChart *chart, const UsageReport &report, Measure measure)
{
    clear(chart);
    const QStringList providers = report.providers();
    const QStringList days = dayLabels(report);
    auto *series = new QStackedBarSeries;
    QList<qint64> dayTotals(report.dayCount(), 0);
    for (const QString &provider : providers) {
        auto *set = new QBarSet(RequestFormat::provider(provider));
        QList<qreal> values(report.dayCount(), 0);
        for (const UsageCell &cell : report.cells) {
            if (cell.provider != provider)
                continue;
            const int day = int(report.firstDay.daysTo(cell.day));
            const qint64 value
                = measure == Measure::Requests ? cell.requests : cell.promptTokens + cell.completionTokens;
            values[day] = qreal(value);
            dayTotals[day] += value;
        }
        set->append(values);
        QObject::connect(set, &QBarSet::hovered, chart, [set, days, measure](bool inside, int index) {
            if (!inside) {
                QToolTip::hideText();
                return;
            }
            const int value = int(std::min<qreal>(set->at(index), std::numeric_limits<int>::max()));
            const QString text = measure == Measure::Requests
                ? tr("%1 on %2. Requests: %Ln", nullptr, value).arg(set->label(), days.at(index))
                : tr("%1 on %2. Tokens: %Ln", nullptr, value).arg(set->label(), days.at(index));
            QToolTip::showText(QCursor::pos(), text);
        });
        series->append(set);
    }
    const qint64 highest = dayTotals.isEmpty() ? 0 : *std::max_element(dayTotals.cbegin(), dayTotals.cend());
    series->setBarWidth(0.7);
    chart->addSeries(series);
    // addSeries() applies the theme's colours; ours go on afterwards.
    const auto sets = series->barSets();
    for (int i = 0; i < sets.size(); ++i) {
        const QColor color = providerColor(providers, providers.at(i));
        sets.at(i)->setColor(color);
        sets.at(i)->setBorderColor(color);
    }

    QCategoryAxis *x = dayAxis(report);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setRange(0, std::max<qint64>(highest, measure == Measure::Requests ? 4 : 10));
    y->applyNiceNumbers();
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    chart->setTitle(
        measure == Measure::Requests ? tr("Requests per day") : tr("Tokens per day (prompt and completion)"));
}

void UsageCharts::fillLatency(QChart *chart, const UsageReport &report)
{
    clear(chart);
    struct Line {
        QString name;
        qint64 DayLatency::*field;
        QColor color;
    };
    const Line lines[] = {
        { tr("Median (p50)"), &DayLatency::p50Ms, QColor(0x10, 0xb9, 0x81) },
        { tr("p90"), &DayLatency::p90Ms, QColor(0xf5, 0x9e, 0x0b) },
        { tr("p99"), &DayLatency::p99Ms, QColor(0xef, 0x44, 0x44) },
    };
    QCategoryAxis *x = dayAxis(report);
    chart->addAxis(x, Qt::AlignBottom);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("Milliseconds"));
    chart->addAxis(y, Qt::AlignLeft);

    qint64 highest = 0;
    for (const Line &line : lines) {
        auto *series = new QLineSeries;
        series->setName(line.name);
        for (const DayLatency &day : report.latency) {
            series->append(qreal(report.firstDay.daysTo(day.day)), qreal(day.*line.field));
            highest = std::max(highest, day.*line.field);
        }
        chart->addSeries(series);
        series->setColor(line.color);
        series->setPointsVisible(true);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    y->setRange(0, std::max<qint64>(highest, 10));
    y->applyNiceNumbers();
    chart->setTitle(tr("Latency of successful requests"));
}
