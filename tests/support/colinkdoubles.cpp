#include "colinkdoubles.h"

#include "testhttp.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

namespace {

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QByteArray frame(const char *type, const QJsonObject &data)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QLatin1String(type)}, {QStringLiteral("data"), data}})
        .toJson(QJsonDocument::Compact);
}

QJsonObject chunkObject(const QString &model, const QString &text, bool last)
{
    QJsonObject delta;
    if (!last)
        delta.insert(QStringLiteral("content"), text);
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("chatcmpl-fake")},
                       {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
                       {QStringLiteral("created"), 0},
                       {QStringLiteral("model"), model},
                       {QStringLiteral("choices"),
                        QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                               {QStringLiteral("delta"), delta},
                                               {QStringLiteral("finish_reason"),
                                                last ? QJsonValue(QStringLiteral("stop")) : QJsonValue()}}}}};
}

QByteArray acceptKey(const QByteArray &key)
{
    return QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"), QCryptographicHash::Sha1).toBase64();
}

} // namespace

// ---- FakeColinkServer ----

FakeColinkServer::FakeColinkServer(QObject *parent)
    : QObject(parent), m_server(QStringLiteral("fake-colink"), QWebSocketServer::NonSecureMode)
{
    connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            m_lastToken = socket->request().rawHeader("Client-Token");
            ++m_connections;
            m_sockets.append(socket);
            connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
                const QJsonObject root = parseObject(text);
                m_frames.append(Frame{root.value(QLatin1String("type")).toString(),
                                      root.value(QLatin1String("data")).toObject(), text.toUtf8()});
            });
            connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

bool FakeColinkServer::start(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

void FakeColinkServer::stop()
{
    m_server.close();
    dropNodes();
}

void FakeColinkServer::dropNodes()
{
    for (const QPointer<QWebSocket> &socket : std::as_const(m_sockets)) {
        if (socket)
            socket->abort();
    }
    m_sockets.clear();
}

QString FakeColinkServer::url() const
{
    return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_port);
}

QList<FakeColinkServer::Frame> FakeColinkServer::framesFor(const QString &requestId) const
{
    QList<Frame> out;
    for (const Frame &f : m_frames) {
        if (f.data.value(QLatin1String("request_id")).toString() == requestId)
            out.append(f);
    }
    return out;
}

QList<FakeColinkServer::Frame> FakeColinkServer::framesOfType(const QString &type) const
{
    QList<Frame> out;
    for (const Frame &f : m_frames) {
        if (f.type == type)
            out.append(f);
    }
    return out;
}

void FakeColinkServer::sendRaw(const QByteArray &text)
{
    if (!m_sockets.isEmpty() && m_sockets.last())
        m_sockets.last()->sendTextMessage(QString::fromUtf8(text));
}

void FakeColinkServer::sendCall(const QString &requestId, const QString &model, const QJsonObject &payload)
{
    sendRaw(frame("CALL", QJsonObject{{QStringLiteral("request_id"), requestId},
                                      {QStringLiteral("model"), model},
                                      {QStringLiteral("payload"), payload}}));
}

void FakeColinkServer::sendCancel(const QString &requestId)
{
    sendRaw(frame("CANCEL", QJsonObject{{QStringLiteral("request_id"), requestId}}));
}

// ---- FakeColinkNode ----

FakeColinkNode::FakeColinkNode(QString name, QObject *parent) : QObject(parent), m_name(std::move(name))
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &FakeColinkNode::onMessage);
}

bool FakeColinkNode::connectTo(const QString &url, const QByteArray &token, const QStringList &models, int maxParallel)
{
    QNetworkRequest request{QUrl(url)};
    if (!token.isNull())
        request.setRawHeader("Client-Token", token);
    m_socket.open(request);
    if (!TestHttp::waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState
                                             || m_socket.state() == QAbstractSocket::UnconnectedState; },
                             5'000)
        || m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    send(frame("REGISTER", QJsonObject{{QStringLiteral("max_parallel"), maxParallel},
                                       {QStringLiteral("models"), QJsonArray::fromStringList(models)}}));
    return true;
}

void FakeColinkNode::send(const QByteArray &text)
{
    m_socket.sendTextMessage(QString::fromUtf8(text));
}

void FakeColinkNode::streamChunk(const QString &requestId, const QString &text)
{
    send(frame("STREAM", QJsonObject{{QStringLiteral("request_id"), requestId},
                                     {QStringLiteral("chunk"), chunkObject(m_name, text, false)}}));
}

void FakeColinkNode::finish(const QString &requestId)
{
    send(frame("FINISH", QJsonObject{{QStringLiteral("request_id"), requestId}}));
}

void FakeColinkNode::release()
{
    const QStringList held = std::exchange(m_held, {});
    for (const QString &id : held) {
        send(frame("STREAM", QJsonObject{{QStringLiteral("request_id"), id},
                                         {QStringLiteral("chunk"), chunkObject(m_name, QString(), true)}}));
        finish(id);
    }
}

void FakeColinkNode::onMessage(const QString &text)
{
    const QJsonObject root = parseObject(text);
    const QString type = root.value(QLatin1String("type")).toString();
    const QJsonObject data = root.value(QLatin1String("data")).toObject();
    if (type == QLatin1String("CALL")) {
        m_calls.append(data);
        answer(data);
    } else if (type == QLatin1String("CANCEL")) {
        m_cancels.append(data.value(QLatin1String("request_id")).toString());
    }
}

void FakeColinkNode::answer(const QJsonObject &call)
{
    const QString id = call.value(QLatin1String("request_id")).toString();
    const bool stream = call.value(QLatin1String("payload")).toObject().value(QLatin1String("stream")).toBool();
    auto error = [&](int code, const QString &message) {
        send(frame("ERROR", QJsonObject{{QStringLiteral("request_id"), id},
                                        {QStringLiteral("code"), code},
                                        {QStringLiteral("message"), message}}));
        finish(id); // what the reference node does, and what our hub must not be fooled by
    };
    switch (m_answer) {
    case Answer::Stream:
    case Answer::Whole:
        if (stream && m_answer == Answer::Stream) {
            for (int i = 0; i < m_chunks; ++i)
                streamChunk(id, QStringLiteral("%1 part %2. ").arg(m_name).arg(i));
            send(frame("STREAM", QJsonObject{{QStringLiteral("request_id"), id},
                                             {QStringLiteral("chunk"), chunkObject(m_name, QString(), true)}}));
        } else {
            const QJsonObject whole{
                {QStringLiteral("id"), QStringLiteral("chatcmpl-fake")},
                {QStringLiteral("object"), QStringLiteral("chat.completion")},
                {QStringLiteral("created"), 0},
                {QStringLiteral("model"), m_name},
                {QStringLiteral("choices"),
                 QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                        {QStringLiteral("message"),
                                         QJsonObject{{QStringLiteral("role"), QStringLiteral("assistant")},
                                                     {QStringLiteral("content"), QString(QStringLiteral("whole from ") + m_name)}}},
                                        {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
                {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), 3},
                                                      {QStringLiteral("completion_tokens"), 4},
                                                      {QStringLiteral("total_tokens"), 7}}}};
            send(frame("STREAM", QJsonObject{{QStringLiteral("request_id"), id}, {QStringLiteral("chunk"), whole}}));
        }
        finish(id);
        break;
    case Answer::ErrorThenFinish:
        error(500, QStringLiteral("upstream exploded on ") + m_name);
        break;
    case Answer::Busy:
        error(503, QStringLiteral("BUSY: Local concurrency limit reached"));
        break;
    case Answer::Unsupported:
        error(400, QStringLiteral("Model not supported natively by this client"));
        break;
    case Answer::Silent:
        break;
    case Answer::DieMidStream:
        streamChunk(id, m_name + QStringLiteral(" first words "));
        m_socket.flush();
        QTimer::singleShot(50, this, [this] { m_socket.abort(); });
        break;
    case Answer::Hold:
        streamChunk(id, m_name + QStringLiteral(" holding "));
        m_held.append(id);
        break;
    }
}

// ---- SilentWebSocketServer ----

SilentWebSocketServer::SilentWebSocketServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                const QByteArray request = socket->peek(64 * 1024);
                const qsizetype end = request.indexOf("\r\n\r\n");
                if (end < 0 || socket->property("upgraded").toBool())
                    return; // after the handshake it reads nothing: pings pile up unanswered
                socket->read(end + 4);
                QByteArray key;
                for (const QByteArray &line : request.left(end).split('\n')) {
                    if (line.toLower().startsWith("sec-websocket-key:"))
                        key = line.mid(18).trimmed();
                }
                socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n\r\n");
                socket->setProperty("upgraded", true);
                ++m_handshakes;
            });
        }
    });
}

bool SilentWebSocketServer::start()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

// ---- RawWebSocket ----

namespace RawWebSocket {

namespace {

QByteArray upgradeRequest(quint16 port, const QByteArray &path, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    for (const auto &[name, value] : headers)
        request += name + ": " + value + "\r\n";
    return request + "\r\n";
}

int readStatus(QTcpSocket *socket)
{
    QByteArray head;
    TestHttp::waitUntil([&] {
        head += socket->readAll();
        return head.contains("\r\n\r\n") || socket->state() == QAbstractSocket::UnconnectedState;
    });
    const QList<QByteArray> words = head.left(head.indexOf("\r\n")).split(' ');
    return words.size() >= 2 ? words.at(1).toInt() : 0;
}

QByteArray maskedTextFrame(const QByteArray &payload)
{
    QByteArray out;
    out += char(0x81); // FIN, text
    if (payload.size() < 126) {
        out += char(0x80 | payload.size());
    } else {
        out += char(0x80 | 126);
        out += char((payload.size() >> 8) & 0xff);
        out += char(payload.size() & 0xff);
    }
    const quint32 mask = QRandomGenerator::global()->generate();
    const char maskBytes[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    out.append(maskBytes, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out += char(payload.at(i) ^ maskBytes[i % 4]);
    return out;
}

} // namespace

QTcpSocket *openAndSend(quint16 port, const QByteArray &token, const QByteArray &text, int *status, QObject *parent)
{
    auto *socket = new QTcpSocket(parent);
    socket->connectToHost(QHostAddress::LocalHost, port);
    if (!socket->waitForConnected(3000)) {
        *status = 0;
        return nullptr;
    }
    socket->write(upgradeRequest(port, "/ws", {{"Client-Token", token}}));
    *status = readStatus(socket);
    if (*status != 101)
        return nullptr;
    socket->write(maskedTextFrame(text));
    return socket;
}

int upgradeStatus(quint16 port, const QByteArray &path, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(3000))
        return 0;
    socket.write(upgradeRequest(port, path, headers));
    return readStatus(&socket);
}

} // namespace RawWebSocket
