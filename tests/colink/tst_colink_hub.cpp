#include <QTest>
class TestColinkHub : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TestColinkHub)
#include "tst_colink_hub.moc"
