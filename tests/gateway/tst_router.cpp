#include "core/clock.h"
#include "providers/registry.h"
#include "routing/router.h"

#include <QTest>

class TestRouter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownModelListsAvailable();
    void priorityThenLoad();
    void maxParallelIsRespected();
    void banExpiresWithTheClock();
    void backendBanCoversAllModels();
    void excludedCandidatesAreSkipped();
    void unsupportedFormatIsNotImplemented();

private:
    static BackendPtr backend(const QString &name, const QString &model, int priority = 0, int maxParallel = 0,
                              const QString &type = QStringLiteral("openai"));
};

BackendPtr TestRouter::backend(const QString &name, const QString &model, int priority, int maxParallel,
                               const QString &type)
{
    auto b = std::make_shared<Backend>();
    b->config.name = name;
    b->config.type = type;
    b->config.priority = priority;
    b->config.maxParallel = maxParallel;
    b->config.models = {ModelMapping{model, model + QStringLiteral("-local")}};
    b->adapter = ProviderRegistry::adapter(type);
    return b;
}

void TestRouter::unknownModelListsAvailable()
{
    ManualClock clock;
    Router router(&clock);
    router.setBackends({backend(QStringLiteral("a"), QStringLiteral("m1")), backend(QStringLiteral("b"), QStringLiteral("m2"))});
    GatewayError why;
    QVERIFY(!router.pick(QStringLiteral("nope"), ApiKind::ChatCompletions, {}, &why));
    QCOMPARE(why.httpStatus, 404);
    QCOMPARE(why.code, QStringLiteral("model_not_found"));
    QVERIFY(why.message.contains(QStringLiteral("m1, m2")));
}

void TestRouter::priorityThenLoad()
{
    ManualClock clock;
    Router router(&clock);
    const BackendPtr low = backend(QStringLiteral("low"), QStringLiteral("m"), 0, 2);
    const BackendPtr highA = backend(QStringLiteral("highA"), QStringLiteral("m"), 5, 2);
    const BackendPtr highB = backend(QStringLiteral("highB"), QStringLiteral("m"), 5, 4);
    router.setBackends({low, highA, highB});
    GatewayError why;
    // highA at 1/2 is more loaded than highB at 0/4, so highB wins; low never does while a high one is free.
    router.acquire(Candidate{highA, QStringLiteral("m-local")});
    for (int i = 0; i < 20; ++i)
        QCOMPARE(router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why)->backend, highB);
    // highB at 2/4 and highA at 1/2 are equally loaded: both are chosen over many picks.
    router.acquire(Candidate{highB, QStringLiteral("m-local")});
    router.acquire(Candidate{highB, QStringLiteral("m-local")});
    QSet<QString> seen;
    for (int i = 0; i < 100; ++i)
        seen.insert(router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why)->backend->config.name);
    QCOMPARE(seen, (QSet<QString>{QStringLiteral("highA"), QStringLiteral("highB")}));
}

void TestRouter::maxParallelIsRespected()
{
    ManualClock clock;
    Router router(&clock);
    const BackendPtr only = backend(QStringLiteral("only"), QStringLiteral("m"), 0, 1);
    router.setBackends({only});
    GatewayError why;
    const auto first = router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why);
    QVERIFY(first);
    router.acquire(*first);
    QVERIFY(!router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why));
    QCOMPARE(why.httpStatus, 503);
    QCOMPARE(why.code, QStringLiteral("backend_busy"));
    QCOMPARE(why.retryAfter, QByteArray("1"));
    router.release(*first);
    QVERIFY(router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why));
}

void TestRouter::banExpiresWithTheClock()
{
    ManualClock clock;
    Router router(&clock);
    router.setBanSeconds(60);
    const BackendPtr a = backend(QStringLiteral("a"), QStringLiteral("m"), 1);
    const BackendPtr b = backend(QStringLiteral("b"), QStringLiteral("m"), 0);
    router.setBackends({a, b});
    GatewayError why;
    router.banModel(Candidate{a, QStringLiteral("m-local")}, QStringLiteral("500"));
    QCOMPARE(router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why)->backend, b);
    QCOMPARE(router.activeBanCount(), 1);
    clock.advanceMs(59'999);
    QCOMPARE(router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why)->backend, b);
    clock.advanceMs(2);
    QCOMPARE(router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why)->backend, a);
    QCOMPARE(router.activeBanCount(), 0);

    // With every candidate banned, one trial call at a time goes to each, the ban ending first first.
    router.banModel(Candidate{a, QStringLiteral("m-local")}, QStringLiteral("500"));
    clock.advanceMs(30'000);
    router.banModel(Candidate{b, QStringLiteral("m-local")}, QStringLiteral("500"));
    const auto probeA = router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why);
    QVERIFY(probeA && probeA->probe);
    QCOMPARE(probeA->backend, a);
    router.acquire(*probeA);
    const auto probeB = router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why);
    QVERIFY(probeB && probeB->probe);
    QCOMPARE(probeB->backend, b);
    router.acquire(*probeB);
    // Both on trial: the answer says when to come back.
    QVERIFY(!router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why));
    QCOMPARE(why.httpStatus, 503);
    QCOMPARE(why.retryAfter, QByteArray("30"));

    // A failed trial leaves the ban (the relay bans again); a successful one lifts it at once.
    router.release(*probeB);
    router.banModel(*probeB, QStringLiteral("500 again"));
    QVERIFY(router.isBanned(*probeB));
    router.reportSuccess(*probeA);
    router.release(*probeA);
    QVERIFY(!router.isBanned(*probeA));
    const auto after = router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why);
    QVERIFY(after && !after->probe);
    QCOMPARE(after->backend, a);
    QCOMPARE(router.activeBanCount(), 1);
}

void TestRouter::backendBanCoversAllModels()
{
    ManualClock clock;
    Router router(&clock);
    const BackendPtr a = backend(QStringLiteral("a"), QStringLiteral("m"));
    a->config.models << ModelMapping{QStringLiteral("n"), QStringLiteral("n-local")};
    router.setBackends({a});
    router.markKeyInvalid(a, QStringLiteral("401"));
    QVERIFY(a->keyInvalid);
    GatewayError why;
    QVERIFY(!router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why));
    QVERIFY(!router.pick(QStringLiteral("n"), ApiKind::ChatCompletions, {}, &why));
    clock.advanceMs(61'000);
    const auto c = router.pick(QStringLiteral("n"), ApiKind::ChatCompletions, {}, &why);
    QVERIFY(c);
    router.reportSuccess(*c);
    QVERIFY(!a->keyInvalid);
}

void TestRouter::excludedCandidatesAreSkipped()
{
    ManualClock clock;
    Router router(&clock);
    const BackendPtr a = backend(QStringLiteral("a"), QStringLiteral("m"), 1);
    const BackendPtr b = backend(QStringLiteral("b"), QStringLiteral("m"), 0);
    router.setBackends({a, b});
    GatewayError why;
    QCOMPARE(router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {QStringLiteral("a/m-local")}, &why)->backend, b);
    QVERIFY(!router.pick(QStringLiteral("m"), ApiKind::ChatCompletions,
                         {QStringLiteral("a/m-local"), QStringLiteral("b/m-local")}, &why));
}

void TestRouter::unsupportedFormatIsNotImplemented()
{
    ManualClock clock;
    Router router(&clock);
    router.setBackends({backend(QStringLiteral("c"), QStringLiteral("m"), 0, 0, QStringLiteral("claude"))});
    GatewayError why;
    // Chat reaches Claude through translation; embeddings have no Anthropic equivalent.
    QVERIFY(router.pick(QStringLiteral("m"), ApiKind::ChatCompletions, {}, &why));
    QVERIFY(!router.pick(QStringLiteral("m"), ApiKind::Embeddings, {}, &why));
    QCOMPARE(why.httpStatus, 501);
}

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
