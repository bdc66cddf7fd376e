#include "tokencommand.h"

#include "appcontroller.h"
#include "tokens/tokenrules.h"
#include "tokens/tokenstore.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <cstdio>

namespace {

const QStringList subcommands = {QStringLiteral("create"), QStringLiteral("list"), QStringLiteral("revoke"),
                                 QStringLiteral("disable"), QStringLiteral("enable")};

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "switchyard token: %s\n", qPrintable(message));
    return code;
}

QStringList splitList(const QStringList &values)
{
    QStringList out;
    for (const QString &v : values)
        out << v.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return out;
}

std::optional<qint64> positive(const QString &text, const QString &option, QString *error)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok || v <= 0) {
        *error = QStringLiteral("--%1 must be a whole number above zero, not '%2'").arg(option, text);
        return std::nullopt;
    }
    return v;
}

QString limitText(const TokenRecord &t)
{
    QStringList parts;
    if (t.quotaRequests > 0)
        parts << QStringLiteral("%1 req").arg(t.quotaRequests);
    if (t.quotaTokens > 0)
        parts << QStringLiteral("%1 tok").arg(t.quotaTokens);
    if (parts.isEmpty())
        return QStringLiteral("-");
    return parts.join(QStringLiteral(" + ")) + QLatin1Char('/') + TokenRules::periodName(t.quotaPeriod);
}

// What each token used in its current quota period, read straight from the request log (read-only).
QHash<qint64, QPair<qint64, qint64>> usedThisPeriod(const QString &dataDir, const QList<TokenRecord> &tokens)
{
    QHash<qint64, QPair<qint64, qint64>> used;
    const QString path = QDir(dataDir).filePath(QStringLiteral("requests.sqlite"));
    if (!QFileInfo::exists(path))
        return used;
    const QString name = QStringLiteral("token-cli-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
        if (db.open()) {
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT SUM(quota_counted), SUM(MAX(prompt_tokens, 0) + MAX(completion_tokens, 0))"
                                     " FROM requests WHERE token_id = ? AND ts_ms >= ?"));
            for (const TokenRecord &t : tokens) {
                q.addBindValue(t.id);
                q.addBindValue(TokenRules::periodStartMs(t.quotaPeriod, now));
                if (q.exec() && q.next())
                    used.insert(t.id, {q.value(0).toLongLong(), q.value(1).toLongLong()});
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return used;
}

void printTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        std::printf("%s\n", qPrintable(line));
    }
}

int list(const TokenStore &store, const QString &dataDir)
{
    QString error;
    const auto tokens = store.list(&error);
    if (!tokens)
        return fail(1, error);
    if (tokens->isEmpty()) {
        std::fprintf(stderr, "no access tokens in %s; create one with: switchyard token create --name NAME\n",
                     qPrintable(dataDir));
        return 0;
    }
    const auto used = usedThisPeriod(dataDir, *tokens);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("STATE"), QStringLiteral("EXPIRES"),
                             QStringLiteral("MODELS"), QStringLiteral("CLIENTS"), QStringLiteral("RPM"),
                             QStringLiteral("QUOTA"), QStringLiteral("USED THIS PERIOD"), QStringLiteral("CREATED")}};
    for (const TokenRecord &t : *tokens) {
        const QString state = !t.enabled ? QStringLiteral("disabled")
                              : t.expiredAt(now) ? QStringLiteral("expired")
                                                 : QStringLiteral("active");
        const auto u = used.value(t.id);
        rows << QStringList{t.name,
                            state,
                            t.expiresMs ? TokenRules::expiryText(*t.expiresMs) : QStringLiteral("never"),
                            t.models.isEmpty() ? QStringLiteral("all") : t.models.join(QLatin1Char(',')),
                            t.cidrs.isEmpty() ? QStringLiteral("any") : t.cidrs.join(QLatin1Char(',')),
                            t.rpm > 0 ? QString::number(t.rpm) : QStringLiteral("-"),
                            limitText(t),
                            QStringLiteral("%1 req, %2 tok").arg(u.first).arg(u.second),
                            QDateTime::fromMSecsSinceEpoch(t.createdMs).toString(QStringLiteral("yyyy-MM-dd"))};
    }
    printTable(rows);
    return 0;
}

int create(TokenStore &store, const QCommandLineParser &p, const QString &dataDir)
{
    TokenRecord token;
    token.name = p.value(QStringLiteral("name"));
    if (token.name.trimmed().isEmpty())
        token.name = p.positionalArguments().value(2);
    if (token.name.trimmed().isEmpty())
        return fail(2, QStringLiteral("give the token a name: switchyard token create --name NAME"));
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (p.isSet(QStringLiteral("expires"))) {
        token.expiresMs = TokenRules::parseExpiry(p.value(QStringLiteral("expires")), now, &error);
        if (!token.expiresMs)
            return fail(2, QStringLiteral("--expires: ") + error);
        if (*token.expiresMs <= now)
            return fail(2, QStringLiteral("--expires: that moment has passed"));
    }
    token.models = splitList(p.values(QStringLiteral("models")));
    token.cidrs = splitList(p.values(QStringLiteral("cidr")));
    const std::pair<const char *, qint64 *> numbers[] = {{"quota-requests", &token.quotaRequests},
                                                         {"quota-tokens", &token.quotaTokens}};
    for (const auto &[option, target] : numbers) {
        if (!p.isSet(QLatin1String(option)))
            continue;
        const auto v = positive(p.value(QLatin1String(option)), QLatin1String(option), &error);
        if (!v)
            return fail(2, error);
        *target = *v;
    }
    if (p.isSet(QStringLiteral("rpm"))) {
        const auto v = positive(p.value(QStringLiteral("rpm")), QStringLiteral("rpm"), &error);
        if (!v || *v > 1'000'000)
            return fail(2, v ? QStringLiteral("--rpm must be at most 1000000") : error);
        token.rpm = int(*v);
    }
    if (p.isSet(QStringLiteral("quota-period"))) {
        const auto period = TokenRules::parsePeriod(p.value(QStringLiteral("quota-period")));
        if (!period)
            return fail(2, QStringLiteral("--quota-period must be day or month, not '%1'").arg(p.value(QStringLiteral("quota-period"))));
        if (!token.hasQuota())
            return fail(2, QStringLiteral("--quota-period needs --quota-requests or --quota-tokens"));
        token.quotaPeriod = *period;
    }
    if (!TokenRules::validate(token, &error))
        return fail(2, error);
    const std::optional<QString> secret = store.create(token, now, &error);
    if (!secret)
        return fail(error.contains(QLatin1String("already exists")) ? 2 : 1, error);
    // The secret alone on standard output, so TOKEN=$(switchyard token create ...) works.
    std::printf("%s\n", qPrintable(*secret));
    std::fprintf(stderr,
                 "created access token '%s' in %s. This is the only time it is shown; a running Switchyard accepts "
                 "it within a few seconds.\n",
                 qPrintable(token.name), qPrintable(dataDir));
    return 0;
}

} // namespace

bool isTokenManagementCommand(const QStringList &arguments)
{
    const qsizetype at = arguments.indexOf(QStringLiteral("token"));
    return at > 0 && subcommands.contains(arguments.value(at + 1));
}

int runTokenCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Manage Switchyard's access tokens (kept in tokens.sqlite in the data dir).\n\n"
        "  token create --name NAME [limits]   print a new token once (only its SHA-256 is stored)\n"
        "  token list                          the tokens, their limits and use (never their secrets)\n"
        "  token revoke NAME                   delete it; clients using it get 401\n"
        "  token disable NAME | enable NAME    refuse it for now (401) | accept it again"));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("data-dir"), QStringLiteral("The data directory (default: the app's)."), QStringLiteral("dir")},
        {QStringLiteral("name"), QStringLiteral("The token's name."), QStringLiteral("name")},
        {QStringLiteral("expires"), QStringLiteral("Expiry: a date (2026-12-31, valid through that day), an ISO "
                                                   "date-time, or a duration (30d, 12h, 15m)."),
         QStringLiteral("when")},
        {QStringLiteral("models"), QStringLiteral("Models it may use, comma-separated (default: all)."),
         QStringLiteral("a,b")},
        {QStringLiteral("cidr"), QStringLiteral("Client address ranges it may be used from, comma-separated, IPv4 "
                                                "or IPv6 (default: any)."),
         QStringLiteral("ranges")},
        {QStringLiteral("rpm"), QStringLiteral("Requests per minute (sliding window)."), QStringLiteral("n")},
        {QStringLiteral("quota-requests"), QStringLiteral("Model calls per quota period."), QStringLiteral("n")},
        {QStringLiteral("quota-tokens"), QStringLiteral("Prompt + completion tokens per quota period."),
         QStringLiteral("n")},
        {QStringLiteral("quota-period"), QStringLiteral("day or month (default: month), local calendar."),
         QStringLiteral("period")},
        // Accepted so the global options may be given anywhere on the line.
        {{QStringLiteral("c"), QStringLiteral("config")}, QStringLiteral("Ignored: tokens live in the data dir."),
         QStringLiteral("file")},
        {QStringLiteral("headless"), QStringLiteral("Ignored.")},
    });
    p.addPositionalArgument(QStringLiteral("token"), QStringLiteral("token"));
    p.addPositionalArgument(QStringLiteral("command"), QStringLiteral("create, list, revoke, disable or enable"));
    if (!p.parse(arguments))
        return fail(2, p.errorText());
    if (p.isSet(QStringLiteral("help"))) {
        std::printf("%s", qPrintable(p.helpText()));
        return 0;
    }
    const QStringList positional = p.positionalArguments();
    const QString command = positional.value(1);
    const QString dataDir = p.isSet(QStringLiteral("data-dir")) ? p.value(QStringLiteral("data-dir"))
                                                                : AppController::defaultDataDir();
    // Only create makes a store; the others do not leave an empty file in a mistyped directory.
    if (command != QLatin1String("create") && !QFileInfo::exists(TokenStore::pathIn(dataDir))) {
        if (command == QLatin1String("list")) {
            std::fprintf(stderr, "no access tokens in %s; create one with: switchyard token create --name NAME\n",
                         qPrintable(dataDir));
            return 0;
        }
        return fail(2, QStringLiteral("there is no token store in %1").arg(dataDir));
    }
    TokenStore store;
    QString error;
    if (!store.open(TokenStore::pathIn(dataDir), &error))
        return fail(1, error);

    if (command == QLatin1String("list"))
        return list(store, dataDir);
    if (command == QLatin1String("create"))
        return create(store, p, dataDir);
    const QString name = positional.value(2).isEmpty() ? p.value(QStringLiteral("name")) : positional.value(2);
    if (name.trimmed().isEmpty())
        return fail(2, QStringLiteral("usage: switchyard token %1 NAME").arg(command));
    bool ok = false;
    if (command == QLatin1String("revoke")) {
        ok = store.remove(name, &error);
        if (ok) {
            std::fprintf(stderr, "revoked '%s'\n", qPrintable(name));
            if (store.list().value_or(QList<TokenRecord>()).isEmpty())
                std::fprintf(stderr, "that was the last token in the store: a gateway listening on 127.0.0.1 without "
                                     "tokens in its config now needs none; one listening on the network refuses "
                                     "every request until a token exists.\n");
        }
    } else {
        ok = store.setEnabled(name, command == QLatin1String("enable"), &error);
        if (ok)
            std::fprintf(stderr, "%s '%s'\n", command == QLatin1String("enable") ? "enabled" : "disabled",
                         qPrintable(name));
    }
    if (!ok)
        return fail(error.startsWith(QLatin1String("there is no token")) ? 2 : 1, error);
    return 0;
}
