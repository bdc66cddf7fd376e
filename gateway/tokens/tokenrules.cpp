#include "tokenrules.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace TokenRules {

std::optional<Subnet> parseCidr(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    if (!trimmed.contains(QLatin1Char('/'))) {
        const QHostAddress single(trimmed);
        if (single.isNull())
            return std::nullopt;
        return Subnet{single, single.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
    }
    const Subnet subnet = QHostAddress::parseSubnet(trimmed);
    if (subnet.first.isNull() || subnet.second < 0)
        return std::nullopt;
    return subnet;
}

bool addressAllowed(const QHostAddress &peer, const QList<Subnet> &ranges)
{
    if (ranges.isEmpty())
        return true;
    // A dual-stack listener sees IPv4 clients as IPv4-mapped IPv6 addresses; the user wrote IPv4 ranges.
    QHostAddress address = peer;
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        address = QHostAddress(v4);
    for (const Subnet &range : ranges) {
        if (address.isInSubnet(range))
            return true;
    }
    return false;
}

std::optional<qint64> parseExpiry(const QString &text, qint64 nowWallMs, QString *error)
{
    const QString t = text.trimmed();
    static const QRegularExpression durationRe(QStringLiteral("^(\\d{1,6})([dhm])$"));
    if (const auto m = durationRe.match(t); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 unitMs = m.captured(2) == QLatin1String("d") ? 86'400'000
                              : m.captured(2) == QLatin1String("h") ? 3'600'000
                                                                    : 60'000;
        if (n <= 0) {
            *error = QStringLiteral("'%1': a duration must be more than zero").arg(t);
            return std::nullopt;
        }
        return nowWallMs + n * unitMs;
    }
    const QDate day = QDate::fromString(t, Qt::ISODate);
    if (day.isValid() && t.size() == 10)
        return day.addDays(1).startOfDay().toMSecsSinceEpoch(); // through the whole of that day
    const QDateTime moment = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (moment.isValid())
        return moment.toMSecsSinceEpoch();
    *error = QStringLiteral("'%1' is not a date (2026-12-31), a date-time (2026-12-31T18:00:00Z) or a duration "
                            "(30d, 12h, 15m)")
                 .arg(t);
    return std::nullopt;
}

QString expiryText(qint64 expiresMs)
{
    const QDateTime moment = QDateTime::fromMSecsSinceEpoch(expiresMs);
    if (moment.time() == QTime(0, 0))
        return moment.date().addDays(-1).toString(Qt::ISODate);
    return moment.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

std::optional<QuotaPeriod> parsePeriod(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("day") || t == QLatin1String("daily"))
        return QuotaPeriod::Day;
    if (t == QLatin1String("month") || t == QLatin1String("monthly"))
        return QuotaPeriod::Month;
    return std::nullopt;
}

QString periodName(QuotaPeriod period)
{
    return period == QuotaPeriod::Day ? QStringLiteral("day") : QStringLiteral("month");
}

qint64 periodStartMs(QuotaPeriod period, qint64 wallMs)
{
    QDate day = QDateTime::fromMSecsSinceEpoch(wallMs).date();
    if (period == QuotaPeriod::Month)
        day = QDate(day.year(), day.month(), 1);
    return day.startOfDay().toMSecsSinceEpoch();
}

qint64 periodEndMs(QuotaPeriod period, qint64 wallMs)
{
    QDate day = QDateTime::fromMSecsSinceEpoch(wallMs).date();
    if (period == QuotaPeriod::Month)
        return QDate(day.year(), day.month(), 1).addMonths(1).startOfDay().toMSecsSinceEpoch();
    return day.addDays(1).startOfDay().toMSecsSinceEpoch();
}

namespace {

QStringList cleaned(const QStringList &items)
{
    QStringList out;
    for (const QString &item : items) {
        const QString t = item.trimmed();
        if (!t.isEmpty() && !out.contains(t))
            out << t;
    }
    return out;
}

} // namespace

bool validate(TokenRecord &token, QString *error)
{
    token.name = token.name.trimmed();
    if (token.name.isEmpty() || token.name.size() > 100) {
        *error = QStringLiteral("a token needs a name of 1 to 100 characters");
        return false;
    }
    for (const QChar c : std::as_const(token.name)) {
        if (c.isSpace() && c != QLatin1Char(' ')) {
            *error = QStringLiteral("a token name cannot contain tabs or line breaks");
            return false;
        }
    }
    token.models = cleaned(token.models);
    token.cidrs = cleaned(token.cidrs);
    for (const QString &cidr : std::as_const(token.cidrs)) {
        if (!parseCidr(cidr)) {
            *error = QStringLiteral("'%1' is not an address range such as 10.0.0.0/8 or fd00::/8").arg(cidr);
            return false;
        }
    }
    if (token.rpm < 0 || token.quotaRequests < 0 || token.quotaTokens < 0) {
        *error = QStringLiteral("limits must be zero (none) or more");
        return false;
    }
    return true;
}

} // namespace TokenRules
