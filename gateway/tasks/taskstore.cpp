#include "taskstore.h"

#include "core/logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace {

const QString columns = QStringLiteral(
    "id, owner, type, model, status, progress, created_ms, updated_ms, finished_ms, provider, local_model,"
    " upstream_id, result, error, error_status");

QByteArray json(const QJsonObject &o)
{
    return o.isEmpty() ? QByteArray() : QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Task fromRow(const QSqlQuery &q)
{
    Task t;
    t.id = q.value(0).toString();
    t.owner = q.value(1).toByteArray();
    t.type = Task::typeFromName(q.value(2).toString());
    t.model = q.value(3).toString();
    t.status = Task::statusFromName(q.value(4).toString()).value_or(TaskStatus::Failed);
    t.progress = q.value(5).toInt();
    t.createdMs = q.value(6).toLongLong();
    t.updatedMs = q.value(7).toLongLong();
    t.finishedMs = q.value(8).toLongLong();
    t.provider = q.value(9).toString();
    t.localModel = q.value(10).toString();
    t.upstreamId = q.value(11).toString();
    t.result = QJsonDocument::fromJson(q.value(12).toByteArray()).object();
    t.error = QJsonDocument::fromJson(q.value(13).toByteArray()).object();
    t.errorStatus = q.value(14).toInt();
    return t;
}

} // namespace

TaskStore::~TaskStore()
{
    close();
}

bool TaskStore::open(const QString &path, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    m_connection = QStringLiteral("tasks-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(path);
        if (!db.open()) {
            *error = path + QStringLiteral(": cannot open the task store: ") + db.lastError().text();
            db = QSqlDatabase();
            close();
            return false;
        }
        QSqlQuery q(db);
        const char *const statements[] = {
            "PRAGMA journal_mode=WAL",
            "PRAGMA synchronous=NORMAL",
            "CREATE TABLE IF NOT EXISTS tasks ("
            " id TEXT PRIMARY KEY, owner TEXT NOT NULL, type TEXT NOT NULL, model TEXT, status TEXT NOT NULL,"
            " progress INTEGER, created_ms INTEGER NOT NULL, updated_ms INTEGER, finished_ms INTEGER NOT NULL DEFAULT 0,"
            " provider TEXT, local_model TEXT, upstream_id TEXT, result TEXT, error TEXT, error_status INTEGER)",
            "CREATE INDEX IF NOT EXISTS tasks_finished ON tasks(finished_ms)",
        };
        for (const char *sql : statements) {
            if (!q.exec(QString::fromLatin1(sql))) {
                *error = path + QStringLiteral(": cannot prepare the task store: ") + q.lastError().text();
                q = QSqlQuery();
                db = QSqlDatabase();
                close();
                return false;
            }
        }
    }
    return true;
}

void TaskStore::close()
{
    if (m_connection.isEmpty())
        return;
    const QString name = std::exchange(m_connection, QString());
    QSqlDatabase::database(name, false).close();
    QSqlDatabase::removeDatabase(name);
}

void TaskStore::save(const Task &t)
{
    if (!isOpen())
        return;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO tasks (") + columns
              + QStringLiteral(") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    q.addBindValue(t.id);
    // Not NULL when there is no owner (no tokens configured): "" is the one owner everyone shares.
    q.addBindValue(t.owner.isEmpty() ? QStringLiteral("") : QString::fromLatin1(t.owner));
    q.addBindValue(Task::typeName(t.type));
    q.addBindValue(t.model);
    q.addBindValue(Task::statusName(t.status));
    q.addBindValue(t.progress);
    q.addBindValue(t.createdMs);
    q.addBindValue(t.updatedMs);
    q.addBindValue(t.finishedMs);
    q.addBindValue(t.provider);
    q.addBindValue(t.localModel);
    q.addBindValue(t.upstreamId);
    q.addBindValue(json(t.result));
    q.addBindValue(json(t.error));
    q.addBindValue(t.errorStatus);
    if (!q.exec())
        qCWarning(lcStorage) << "task store: saving" << t.id << "failed:" << q.lastError().text();
}

std::optional<Task> TaskStore::load(const QString &id)
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM tasks WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return fromRow(q);
}

QList<Task> TaskStore::unfinished()
{
    QList<Task> tasks;
    if (!isOpen())
        return tasks;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (!q.exec(QStringLiteral("SELECT ") + columns
                + QStringLiteral(" FROM tasks WHERE status IN ('pending', 'processing') ORDER BY created_ms")))
        return tasks;
    while (q.next())
        tasks.append(fromRow(q));
    return tasks;
}

int TaskStore::pruneFinishedBefore(qint64 cutoffMs)
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("DELETE FROM tasks WHERE finished_ms > 0 AND finished_ms < ?"));
    q.addBindValue(cutoffMs);
    if (!q.exec())
        return 0;
    return q.numRowsAffected();
}
