#pragma once

#include "fakeupstream.h"
#include "gatewayfixture.h"

// A real gateway on loopback with four fake providers, each answering its own way, so page tests can make
// real requests of every kind:
//   pro-model    → alpha, answers 200 with 11 prompt and 7 completion tokens
//   fast-model   → beta, refuses with 429 "slow down please"
//   broken-model → gamma, fails with 500 "internal meltdown"
//   slow-model   → slow, streams 50 events 100 ms apart (for hanging up: 499)
class PageTraffic final {
public:
    bool start();
    Gateway *gateway() const { return m_fixture.gateway(); }
    // alpha waits this long before answering (latency tests).
    void setAlphaDelay(int ms);
    // POSTs a chat request for model and returns the HTTP status the client got (0: none).
    int chat(const QString &model);
    // Starts a stream of slow-model, hangs up after the first event, and waits until it is logged as 499.
    bool cancelledStream();

private:
    FakeUpstream m_alpha;
    FakeUpstream m_beta;
    FakeUpstream m_gamma;
    FakeUpstream m_slow;
    GatewayFixture m_fixture;
};
