#include "translate/translate.h"
#include "translate/streamtranslate.h"

#include <QTest>

// Table-driven tests of the gemini conversions (filled in with the converters).
class TestTranslate final : public QObject
{
    Q_OBJECT
};

QTEST_GUILESS_MAIN(TestTranslate)
#include "tst_translate_gemini.moc"
