#include "fakeupstream.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

namespace {

QByteArray completion(const QString &model)
{
    const QJsonObject message{{QStringLiteral("role"), QStringLiteral("assistant")},
                              {QStringLiteral("content"), QStringLiteral("Hello from the fake upstream.")}};
    const QJsonObject body{
        {QStringLiteral("id"), QStringLiteral("chatcmpl-fake")},
        {QStringLiteral("object"), QStringLiteral("chat.completion")},
        {QStringLiteral("created"), 1700000000},
        {QStringLiteral("model"), model},
        {QStringLiteral("choices"),
         QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                {QStringLiteral("message"), message},
                                {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
        {QStringLiteral("usage"),
         QJsonObject{{QStringLiteral("prompt_tokens"), 11}, {QStringLiteral("completion_tokens"), 7},
                     {QStringLiteral("total_tokens"), 18}}},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray embeddings(const QString &model)
{
    const QJsonObject body{
        {QStringLiteral("object"), QStringLiteral("list")},
        {QStringLiteral("model"), model},
        {QStringLiteral("data"),
         QJsonArray{QJsonObject{{QStringLiteral("object"), QStringLiteral("embedding")},
                                {QStringLiteral("index"), 0},
                                {QStringLiteral("embedding"), QJsonArray{0.1, 0.2, 0.3}}}}},
        {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 3}, {QStringLiteral("total_tokens"), 3}}},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

// OpenAI's images response; also what a video model answers here, with video URLs.
QByteArray images(const QJsonObject &request)
{
    const int n = qMax(1, request.value(QLatin1String("n")).toInt(1));
    const bool b64 = request.value(QLatin1String("response_format")).toString() == QLatin1String("b64_json");
    QJsonArray data;
    for (int i = 0; i < n; ++i) {
        if (b64)
            data.append(QJsonObject{{QStringLiteral("b64_json"), QStringLiteral("iVBORw0KGgoAAAANSUhEUg==")}});
        else
            data.append(QJsonObject{{QStringLiteral("url"), FakeUpstream::imageUrl(i)},
                                    {QStringLiteral("revised_prompt"), request.value(QLatin1String("prompt"))}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("created"), 1700000000}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QByteArray chunkEvent(const QString &model, const QJsonObject &delta, const QJsonValue &finish,
                      const QJsonValue &usage = QJsonValue())
{
    QJsonObject chunk{{QStringLiteral("id"), QStringLiteral("chatcmpl-fake")},
                      {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                      {QStringLiteral("created"), 1700000000},
                      {QStringLiteral("model"), model}};
    if (usage.isObject()) {
        chunk.insert(QStringLiteral("choices"), QJsonArray());
        chunk.insert(QStringLiteral("usage"), usage);
    } else {
        chunk.insert(QStringLiteral("choices"),
                     QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                            {QStringLiteral("delta"), delta},
                                            {QStringLiteral("finish_reason"), finish}}});
    }
    return "data: " + QJsonDocument(chunk).toJson(QJsonDocument::Compact) + "\n\n";
}

QByteArray chunked(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

} // namespace

FakeUpstream::FakeUpstream(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeUpstream::onNewConnection);
}

FakeUpstream::~FakeUpstream()
{
    // Sockets are children of the server member, which outlives the bookkeeping their slots touch.
    const auto sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
}

bool FakeUpstream::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

qint64 FakeUpstream::unsentBytes() const
{
    qint64 total = 0;
    for (const QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
        total += socket->bytesToWrite();
    return total;
}

QString FakeUpstream::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1/v1").arg(port());
}

void FakeUpstream::closeIdleConnections()
{
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>()) {
        if (!m_answering.value(socket))
            socket->disconnectFromHost();
    }
}

void FakeUpstream::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        ++m_connections;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            if (m_answering.value(socket)) {
                ++m_abortedByPeer;
                Q_EMIT peerAborted();
            }
            m_buffers.remove(socket);
            m_answering.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeUpstream::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    while (true) {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        Received r;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        r.method = requestLine.value(0);
        r.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length").toLongLong();
        if (buffer.size() < headerEnd + 4 + length)
            return;
        r.body = buffer.mid(headerEnd + 4, length);
        buffer.remove(0, headerEnd + 4 + length);
        r.json = QJsonDocument::fromJson(r.body).object();
        m_received.append(r);
        Q_EMIT requestReceived();
        answer(socket, r);
    }
}

void FakeUpstream::answer(QTcpSocket *socket, const Received &request)
{
    const Behavior b = m_behavior;
    QPointer<QTcpSocket> guard(socket);
    m_answering[socket] = true;
    auto respond = [this, guard, request, b] {
        if (!guard)
            return;
        QTcpSocket *s = guard;
        const QString model = request.json.value(QLatin1String("model")).toString();
        if (b.mode == Mode::Status && b.dialect != Dialect::OpenAi) {
            sendWhole(s, FakeDialect::error(b.dialect, b.status, QString::fromUtf8(b.body)));
            return;
        }
        switch (b.mode) {
        case Mode::Hang:
            return;
        case Mode::Tasks:
            sendWhole(s, taskAnswer(request));
            return;
        case Mode::Speak: {
            const bool listing = request.path.split('?').first().endsWith("/models");
            const FakeAnswer a = listing && !b.models.isEmpty()
                ? FakeDialect::modelList(b.dialect, b.models)
                : FakeDialect::answer(b.dialect, request.path, request.json);
            if (!a.isStream()) {
                sendWhole(s, a);
                return;
            }
            QByteArray head = "HTTP/1.1 " + QByteArray::number(a.status) + ' ' + reason(a.status) + "\r\n";
            for (const auto &[name, value] : a.headers)
                head += name + ": " + value + "\r\n";
            sendEvents(s, head + "Transfer-Encoding: chunked\r\n\r\n", a.events, false);
            return;
        }
        case Mode::Json:
        case Mode::RawBody:
        case Mode::Status: {
            QByteArray body;
            QByteArray extra;
            int status = b.status;
            if (b.mode == Mode::Json) {
                status = 200;
                body = request.path.endsWith("/embeddings") ? embeddings(model)
                       : request.path.endsWith("/generations") ? images(request.json)
                                                               : completion(model);
            } else if (b.mode == Mode::RawBody) {
                body = b.body;
            } else {
                body = QJsonDocument(QJsonObject{{QStringLiteral("error"),
                                                  QJsonObject{{QStringLiteral("message"), QString::fromUtf8(b.body)},
                                                              {QStringLiteral("type"), QStringLiteral("fake_error")}}}})
                           .toJson(QJsonDocument::Compact);
                if (!b.retryAfter.isEmpty())
                    extra = "Retry-After: " + b.retryAfter + "\r\n";
            }
            s->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n"
                     "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n"
                     + extra + "\r\n" + body);
            m_answering[s] = false;
            return;
        }
        case Mode::Stream:
        case Mode::CutMidStream:
            sendStream(s, request, b.mode == Mode::CutMidStream);
            return;
        }
    };
    if (b.headersDelayMs > 0)
        QTimer::singleShot(b.headersDelayMs, this, respond);
    else
        respond();
}

FakeAnswer FakeUpstream::taskAnswer(const Received &request)
{
    const Behavior b = m_behavior;
    FakeAnswer a;
    a.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    auto json = [](const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); };
    const QByteArray path = request.path.split('?').first();
    if (request.method == "POST" && path.endsWith("/generations")) {
        // As EvoLink answers a submission (its docs, "图像生成示例").
        const bool video = path.endsWith("/videos/generations");
        const QString id = QStringLiteral("task-unified-%1-fake%2").arg(1757156493).arg(m_taskOrder.size());
        m_taskOrder << id;
        m_taskPolls.insert(id, 0);
        m_taskRequests.insert(id, request.json);
        a.status = 200;
        a.body = json(QJsonObject{
            {QStringLiteral("created"), 1757156493},
            {QStringLiteral("id"), id},
            {QStringLiteral("model"), request.json.value(QLatin1String("model"))},
            {QStringLiteral("object"), video ? QStringLiteral("video.generation.task") : QStringLiteral("image.generation.task")},
            {QStringLiteral("progress"), 0},
            {QStringLiteral("status"), QStringLiteral("pending")},
            {QStringLiteral("task_info"), QJsonObject{{QStringLiteral("can_cancel"), true}, {QStringLiteral("estimated_time"), 100}}},
            {QStringLiteral("type"), video ? QStringLiteral("video") : QStringLiteral("image")},
            {QStringLiteral("usage"), QJsonObject{{QStringLiteral("billing_rule"), QStringLiteral("per_call")},
                                                  {QStringLiteral("credits_reserved"), 252}}},
        });
        return a;
    }
    const qsizetype at = path.indexOf("/tasks/");
    const QString id = at >= 0 ? QString::fromUtf8(QByteArray::fromPercentEncoding(path.mid(at + 7))) : QString();
    if (request.method != "GET" || !m_taskPolls.contains(id)) {
        a.status = 404;
        a.body = json(QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), QStringLiteral("task not found")},
                                                                        {QStringLiteral("type"), QStringLiteral("invalid_request_error")}}}});
        return a;
    }
    const int poll = ++m_taskPolls[id];
    QJsonObject task{{QStringLiteral("created"), 1757156493},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("model"), m_taskRequests.value(id).value(QLatin1String("model"))},
                     {QStringLiteral("object"), QStringLiteral("image.generation.task")},
                     {QStringLiteral("type"), QStringLiteral("image")}};
    a.status = 200;
    if (b.holdTasks || poll < b.pollsBeforeDone) {
        task.insert(QStringLiteral("status"), QStringLiteral("processing"));
        task.insert(QStringLiteral("progress"), b.holdTasks ? 50 : poll * 100 / b.pollsBeforeDone);
        task.insert(QStringLiteral("task_info"), QJsonObject{{QStringLiteral("can_cancel"), true}});
    } else if (b.taskFails) {
        task.insert(QStringLiteral("status"), QStringLiteral("failed"));
        task.insert(QStringLiteral("progress"), 0);
        task.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QStringLiteral("content_policy_violation")},
                                                         {QStringLiteral("message"), QStringLiteral("The prompt was refused by the fake.")}});
    } else {
        task.insert(QStringLiteral("status"), QStringLiteral("completed"));
        task.insert(QStringLiteral("progress"), 100);
        task.insert(QStringLiteral("results"), QJsonArray{imageUrl(0)});
        task.insert(QStringLiteral("task_info"), QJsonObject{{QStringLiteral("can_cancel"), false}});
    }
    a.body = json(task);
    return a;
}

void FakeUpstream::sendWhole(QTcpSocket *socket, const FakeAnswer &answer)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(answer.status) + ' ' + reason(answer.status) + "\r\n";
    for (const auto &[name, value] : answer.headers)
        out += name + ": " + value + "\r\n";
    socket->write(out + "Content-Length: " + QByteArray::number(answer.body.size()) + "\r\n\r\n" + answer.body);
    m_answering[socket] = false;
}

void FakeUpstream::sendStream(QTcpSocket *socket, const Received &request, bool cut)
{
    const Behavior b = m_behavior;
    const QString model = request.json.value(QLatin1String("model")).toString();
    QList<QByteArray> events;
    events << chunkEvent(model, QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                            {QStringLiteral("content"), QString()}}, QJsonValue());
    for (int i = 0; i < b.chunks; ++i)
        events << chunkEvent(model, QJsonObject{{QStringLiteral("content"),
                                                 QString(QStringLiteral("part%1 ").arg(i) + QString(b.paddingBytes, QLatin1Char('x')))}},
                             QJsonValue());
    events << chunkEvent(model, QJsonObject(), QStringLiteral("stop"));
    events << chunkEvent(model, QJsonObject(), QJsonValue(),
                         QJsonObject{{QStringLiteral("prompt_tokens"), 13}, {QStringLiteral("completion_tokens"), b.chunks},
                                     {QStringLiteral("total_tokens"), 13 + b.chunks}});
    events << QByteArray("data: [DONE]\n\n");
    sendEvents(socket, "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n",
               events, cut);
}

void FakeUpstream::sendEvents(QTcpSocket *socket, const QByteArray &head, const QList<QByteArray> &events, bool cut)
{
    const Behavior b = m_behavior;
    socket->write(head);
    QPointer<QTcpSocket> guard(socket);
    auto index = std::make_shared<int>(0);
    auto *timer = new QTimer(this);
    timer->setInterval(b.intervalMs);
    connect(timer, &QTimer::timeout, this, [this, guard, index, events, cut, b, timer] {
        if (!guard) {
            timer->deleteLater();
            return;
        }
        if (cut && *index >= b.cutAfterChunks) {
            timer->deleteLater();
            m_answering[guard] = false;
            guard->abort();
            return;
        }
        if (*index >= events.size()) {
            guard->write("0\r\n\r\n");
            m_answering[guard] = false;
            timer->deleteLater();
            return;
        }
        guard->write(chunked(events.at(*index)));
        ++m_chunksSent;
        ++*index;
    });
    timer->start();
}
