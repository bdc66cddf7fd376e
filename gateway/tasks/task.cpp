#include "task.h"

#include <QJsonArray>
#include <QRandomGenerator>

QString Task::statusName(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Pending: return QStringLiteral("pending");
    case TaskStatus::Processing: return QStringLiteral("processing");
    case TaskStatus::Completed: return QStringLiteral("completed");
    case TaskStatus::Failed: return QStringLiteral("failed");
    case TaskStatus::Cancelled: return QStringLiteral("cancelled");
    }
    return QStringLiteral("failed");
}

std::optional<TaskStatus> Task::statusFromName(const QString &name)
{
    for (TaskStatus s : {TaskStatus::Pending, TaskStatus::Processing, TaskStatus::Completed, TaskStatus::Failed,
                         TaskStatus::Cancelled}) {
        if (statusName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString Task::typeName(TaskType type)
{
    return type == TaskType::Video ? QStringLiteral("video") : QStringLiteral("image");
}

TaskType Task::typeFromName(const QString &name)
{
    return name == QLatin1String("video") ? TaskType::Video : TaskType::Image;
}

QString Task::newId()
{
    // 128 random bits: ids are handed to clients and must not be guessable by another token's holder.
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    QByteArray bytes(reinterpret_cast<const char *>(words), sizeof(words));
    return QStringLiteral("task_") + QString::fromLatin1(bytes.toHex());
}

QJsonObject Task::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("object"), QStringLiteral("task")},
        {QStringLiteral("type"), typeName(type)},
        {QStringLiteral("model"), model},
        {QStringLiteral("status"), statusName(status)},
        {QStringLiteral("progress"), progress},
        {QStringLiteral("created"), createdMs / 1000},
        // EvoLink's clients read task_info.can_cancel before offering a cancel button.
        {QStringLiteral("task_info"), QJsonObject{{QStringLiteral("can_cancel"), !finished()}}},
    };
    if (finishedMs > 0)
        o.insert(QStringLiteral("finished_at"), finishedMs / 1000);
    if (status == TaskStatus::Completed) {
        o.insert(QStringLiteral("result"), result);
        // EvoLink's task API lists the URLs as "results"; clients written against it read that.
        QJsonArray urls;
        for (const QJsonValue &item : result.value(QLatin1String("data")).toArray()) {
            const QString url = item.toObject().value(QLatin1String("url")).toString();
            if (!url.isEmpty())
                urls.append(url);
        }
        if (!urls.isEmpty())
            o.insert(QStringLiteral("results"), urls);
    }
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    return o;
}
