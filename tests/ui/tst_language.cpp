// The interface language: the embedded translations load, the setting picks one, plurals read right.

#include "desktop/language.h"
#include "gatewayfixture.h"
#include "mainwindow.h"
#include "config/configeditor.h"

#include <QListWidget>
#include <QLocale>
#include <QTranslator>
#include <QtTest>

class TestLanguage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void englishPluralsReadRight();
    void chineseIsChosenBySetting();
};

void TestLanguage::englishPluralsReadRight()
{
    QTranslator english;
    QVERIFY(english.load(QStringLiteral(":/i18n/switchyard_en.qm")));
    QCOMPARE(english.translate("ModelsPage", "%n candidate(s)", nullptr, 1), QStringLiteral("%n candidate")); // QCoreApplication::translate fills in %n
    QCOMPARE(english.translate("ModelsPage", "%n candidate(s)", nullptr, 3), QStringLiteral("%n candidates"));
}

void TestLanguage::chineseIsChosenBySetting()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/switchyard_zh_CN.qm")));
    Language::setSetting(QStringLiteral("zh_CN"));
    QCOMPARE(Language::setting(), QStringLiteral("zh_CN"));
    Language::install(*QCoreApplication::instance());
    QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));

    GatewayFixture fixture;
    QVERIFY(fixture.start(Config{}));
    ConfigEditor editor(fixture.gateway(), Config{}, {}, QDir::temp().filePath(QStringLiteral("unused.yaml")));
    MainWindow window(fixture.gateway(), &editor);
    auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
    QCOMPARE(sidebar->item(0)->text(), QStringLiteral("提供商"));
    QCOMPARE(window.windowTitle(), QStringLiteral("Switchyard"));
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
