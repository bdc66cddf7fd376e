#include "pagetraffic.h"

#include "storage/requestlog.h"
#include "testhttp.h"

bool PageTraffic::start()
{
    for (FakeUpstream *upstream : { &m_alpha, &m_beta, &m_gamma, &m_slow }) {
        if (!upstream->start())
            return false;
    }
    FakeUpstream::Behavior limited;
    limited.mode = FakeUpstream::Mode::Status;
    limited.status = 429;
    limited.body = "slow down please";
    m_beta.setBehavior(limited);
    FakeUpstream::Behavior broken;
    broken.mode = FakeUpstream::Mode::Status;
    broken.status = 500;
    broken.body = "internal meltdown";
    m_gamma.setBehavior(broken);
    FakeUpstream::Behavior slow;
    slow.mode = FakeUpstream::Mode::Stream;
    slow.chunks = 50;
    slow.intervalMs = 100;
    m_slow.setBehavior(slow);

    Config config;
    config.providers << GatewayFixture::provider(
        QStringLiteral("alpha"), m_alpha.baseUrl(), QStringLiteral("pro-model"), QStringLiteral("a-1"))
                     << GatewayFixture::provider(QStringLiteral("beta"), m_beta.baseUrl(),
                            QStringLiteral("fast-model"), QStringLiteral("b-1"))
                     << GatewayFixture::provider(QStringLiteral("gamma"), m_gamma.baseUrl(),
                            QStringLiteral("broken-model"), QStringLiteral("g-1"))
                     << GatewayFixture::provider(QStringLiteral("slow"), m_slow.baseUrl(),
                            QStringLiteral("slow-model"), QStringLiteral("s-1"));
    return m_fixture.start(config);
}

void PageTraffic::setAlphaDelay(int ms)
{
    FakeUpstream::Behavior answer;
    answer.headersDelayMs = ms;
    m_alpha.setBehavior(answer);
}

int PageTraffic::chat(const QString &model)
{
    const QByteArray body
        = R"({"model":")" + model.toUtf8() + R"(","messages":[{"role":"user","content":"hi"}]})";
    return TestHttp::post(m_fixture.url(QStringLiteral("/v1/chat/completions")), body).status;
}

bool PageTraffic::cancelledStream()
{
    RawClient client;
    if (!client.connectTo(gateway()->port()))
        return false;
    client.sendPost("/v1/chat/completions",
        R"({"model":"slow-model","stream":true,"messages":[{"role":"user","content":"hi"}]})");
    if (!client.readUntil("part0"))
        return false;
    client.close();
    return TestHttp::waitUntil([this] { return gateway()->requestLog()->recent(1).value(0).status == 499; });
}
