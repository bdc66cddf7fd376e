#include "providerdialog.h"

#include "inlineerror.h"

#include "modelmappingeditor.h"
#include "providers/adapter.h"
#include "providers/providerpresets.h"
#include "providers/registry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QLabel *messageLabel(const char *objectName, QWidget *parent)
{
    return InlineError::create(parent, QLatin1String(objectName));
}

// A field with its message under it, as one cell of the form.
QWidget *withMessage(QLayout *field, QLabel *message, QLabel *hint = nullptr)
{
    auto *cell = new QWidget;
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(field);
    layout->addWidget(message);
    if (hint)
        layout->addWidget(hint);
    return cell;
}

QHBoxLayout *row(QWidget *a, QWidget *b = nullptr)
{
    auto *layout = new QHBoxLayout;
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(a, 1);
    if (b)
        layout->addWidget(b);
    return layout;
}

QString trimmedUrl(QString url)
{
    url = url.trimmed();
    // The adapters append "/models", "/chat/completions"...; a trailing slash would double it.
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

} // namespace

ProviderDialog::ProviderDialog(const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_takenNames(takenNames)
{
    setWindowTitle(tr("Add provider"));
    buildUi();
    applyPreset(m_preset->currentIndex());
}

ProviderDialog::ProviderDialog(const ProviderConfig &existing, const QStringList &takenNames, QWidget *parent)
    : QDialog(parent)
    , m_original(existing)
    , m_editing(true)
    , m_takenNames(takenNames)
{
    setWindowTitle(tr("Edit provider “%1”").arg(existing.name));
    buildUi();
    const ProviderAdapter *adapter = ProviderRegistry::adapter(existing.type);
    {
        const QSignalBlocker blockType(m_type);
        int typeIndex = -1;
        for (int i = 0; i < m_type->count(); ++i) {
            if (adapter && ProviderRegistry::adapter(m_type->itemData(i).toString()) == adapter)
                typeIndex = i;
        }
        if (typeIndex < 0) {
            // A type this build does not know: keep it visible rather than silently changing it.
            m_type->addItem(existing.type, existing.type);
            typeIndex = m_type->count() - 1;
        }
        m_type->setCurrentIndex(typeIndex);
    }
    m_name->setText(existing.name);
    m_baseUrl->setText(existing.baseUrl.isEmpty() && adapter ? adapter->defaultBaseUrl() : existing.baseUrl);
    const ProviderPreset *preset = ProviderPresets::matching(existing.type, existing.baseUrl);
    selectPresetQuietly(preset ? preset : &ProviderPresets::custom());
    m_lastPresetUrl = preset ? preset->baseUrl : QString();
    m_models->setMappings(existing.models);
    updateKeyHints();
}

ProviderDialog::~ProviderDialog() = default;

void ProviderDialog::buildUi()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [this, form](const QString &text, QWidget *buddy, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(buddy);
        form->addRow(label, field);
    };

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    fillPresets();
    addRow(tr("&Preset:"), m_preset, m_preset);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setToolTip(tr("How Switchyard names this provider in its lists and logs."));
    m_nameError = messageLabel("nameError", this);
    addRow(tr("&Name:"), m_name, withMessage(row(m_name), m_nameError));

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeCombo"));
    m_type->setToolTip(tr("The API this provider speaks."));
    fillTypes();
    addRow(tr("&Type:"), m_type, m_type);

    m_baseUrl = new QLineEdit(this);
    m_baseUrl->setObjectName(QStringLiteral("baseUrlEdit"));
    m_baseUrl->setPlaceholderText(tr("https://api.example.com/v1"));
    m_baseUrlError = messageLabel("baseUrlError", this);
    addRow(tr("Base &URL:"), m_baseUrl, withMessage(row(m_baseUrl), m_baseUrlError));

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("apiKeyEdit"));
    m_key->setEchoMode(QLineEdit::Password);
    m_showKey = new QToolButton(this);
    m_showKey->setObjectName(QStringLiteral("showKeyButton"));
    m_showKey->setCheckable(true);
    m_showKey->setText(tr("Show"));
    m_showKey->setToolTip(tr("Show or hide the key"));
    m_keyError = messageLabel("apiKeyError", this);
    m_keyHint = new QLabel(this);
    m_keyHint->setObjectName(QStringLiteral("keyHint"));
    m_keyHint->setWordWrap(true);
    m_keyHint->setTextFormat(Qt::RichText);
    m_keyHint->setOpenExternalLinks(true);
    m_keyHint->setTextInteractionFlags(Qt::TextBrowserInteraction);
    addRow(tr("API &key:"), m_key, withMessage(row(m_key, m_showKey), m_keyError, m_keyHint));

    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setAutoDefault(false); // Enter in a field means OK, not a network call
    m_test->setToolTip(tr("Ask the provider which models it serves, with this address and key."));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("testProgress"));
    m_progress->setRange(0, 0); // indeterminate: a models list has no known length
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(120);
    m_progress->hide();
    m_testStatus = new QLabel(this);
    m_testStatus->setObjectName(QStringLiteral("testStatus"));
    m_testStatus->setWordWrap(true);
    m_testStatus->setTextFormat(Qt::PlainText);
    m_testStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_progress);
    testRow->addWidget(m_testStatus, 1);
    form->addRow(QString(), testRow);

    m_models = new ModelMappingEditor(this);
    m_models->setObjectName(QStringLiteral("modelsEditor"));
    m_modelsError = messageLabel("modelsError", this);
    auto *modelsCell = new QWidget(this);
    auto *modelsLayout = new QVBoxLayout(modelsCell);
    modelsLayout->setContentsMargins(0, 0, 0, 0);
    modelsLayout->addWidget(m_models);
    modelsLayout->addWidget(m_modelsError);
    auto *modelsLabel = new QLabel(tr("&Models:"), this);
    modelsLabel->setBuddy(m_models->findChild<QWidget *>(QStringLiteral("modelsTable")));
    form->addRow(modelsLabel, modelsCell);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_editing ? tr("Save") : tr("Add provider"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(m_buttons);
    resize(620, 680);

    connect(m_preset, &QComboBox::currentIndexChanged, this, &ProviderDialog::applyPreset);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ProviderDialog::onTypeChanged);
    // A test of settings the user has since changed would answer the wrong question.
    connect(m_baseUrl, &QLineEdit::textEdited, this, &ProviderDialog::cancelTest);
    connect(m_key, &QLineEdit::textEdited, this, &ProviderDialog::cancelTest);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ProviderDialog::cancelTest);
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        showMessage(m_nameError, {});
        revalidateIfShown();
    });
    connect(m_baseUrl, &QLineEdit::textEdited, this, &ProviderDialog::onBaseUrlEdited);
    connect(m_key, &QLineEdit::textEdited, this, [this] {
        showMessage(m_keyError, {});
        revalidateIfShown();
    });
    connect(m_showKey, &QToolButton::toggled, this, [this](bool shown) {
        m_key->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showKey->setText(shown ? tr("Hide") : tr("Show"));
    });
    connect(m_test, &QPushButton::clicked, this, &ProviderDialog::testConnection);
    connect(m_models, &ModelMappingEditor::changed, this, [this] {
        showMessage(m_modelsError, {});
        revalidateIfShown();
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProviderDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProviderDialog::reject);
}

void ProviderDialog::fillPresets()
{
    for (const ProviderPreset &p : ProviderPresets::all()) {
        if (p.isCustom() && m_preset->count() > 0)
            m_preset->insertSeparator(m_preset->count());
        m_preset->addItem(p.label(), p.id);
    }
}

void ProviderDialog::fillTypes()
{
    for (const QString &type : ProviderRegistry::types()) {
        const ProviderAdapter *adapter = ProviderRegistry::adapter(type);
        if (adapter->type() != type)
            continue; // an alias: its adapter is listed under its own name
        QString label = type;
        if (type == QLatin1String("openai"))
            label = tr("OpenAI-compatible API (openai)");
        else if (type == QLatin1String("claude"))
            label = tr("Anthropic Messages API (claude)");
        else if (type == QLatin1String("gemini"))
            label = tr("Google Gemini API (gemini)");
        m_type->addItem(label, type);
    }
}

const ProviderPreset *ProviderDialog::currentPreset() const
{
    const ProviderPreset *p = ProviderPresets::byId(m_preset->currentData().toString());
    return p ? p : &ProviderPresets::custom();
}

QString ProviderDialog::currentType() const
{
    return m_type->currentData().toString();
}

QString ProviderDialog::baseUrl() const
{
    return trimmedUrl(m_baseUrl->text());
}

QString ProviderDialog::apiKey() const
{
    // Keys pasted from a web page often bring a space or a line break along.
    return m_key->text().trimmed();
}

QString ProviderDialog::suggestedName(const QString &id) const
{
    auto taken = [this](const QString &name) {
        if (m_editing && name.compare(m_original.name, Qt::CaseInsensitive) == 0)
            return false;
        return m_takenNames.contains(name, Qt::CaseInsensitive);
    };
    QString name = id;
    for (int n = 2; taken(name); ++n)
        name = id + QLatin1Char('-') + QString::number(n);
    return name;
}

void ProviderDialog::applyPreset(int index)
{
    const ProviderPreset *p = ProviderPresets::byId(m_preset->itemData(index).toString());
    if (!p)
        return;
    cancelTest();
    {
        // The type follows the preset; it must not send the preset combo looking for a match of its own.
        const QSignalBlocker blockType(m_type);
        const int typeIndex = m_type->findData(p->type);
        if (typeIndex >= 0)
            m_type->setCurrentIndex(typeIndex);
    }
    // Custom keeps an address the user typed, but not the one the previous preset put there.
    if (!p->isCustom())
        m_baseUrl->setText(p->baseUrl);
    else if (baseUrl() == trimmedUrl(m_lastPresetUrl))
        m_baseUrl->clear();
    m_lastPresetUrl = p->baseUrl;

    // A name the user chose stays; one we suggested follows the preset.
    const QString name = m_name->text().trimmed();
    if (name.isEmpty() || (!m_lastSuggestedName.isEmpty() && name == m_lastSuggestedName)) {
        m_lastSuggestedName = suggestedName(p->id);
        m_name->setText(m_lastSuggestedName);
    }
    m_models->replaceSuggestions(p->suggestedModels);

    showMessage(m_baseUrlError, {});
    showMessage(m_keyError, {});
    m_testStatus->clear();
    updateKeyHints();
    revalidateIfShown();
}

void ProviderDialog::selectPresetQuietly(const ProviderPreset *preset)
{
    const QSignalBlocker block(m_preset);
    m_preset->setCurrentIndex(qMax(0, m_preset->findData(preset->id)));
    updateKeyHints();
}

void ProviderDialog::onBaseUrlEdited()
{
    showMessage(m_baseUrlError, {});
    // Typing a known address shows its preset (and its key hint); anything else is a custom provider.
    const ProviderPreset *p = ProviderPresets::matching(currentType(), baseUrl());
    selectPresetQuietly(p ? p : &ProviderPresets::custom());
    revalidateIfShown();
}

void ProviderDialog::onTypeChanged()
{
    showMessage(m_baseUrlError, {});
    showMessage(m_keyError, {});
    const ProviderPreset *p = ProviderPresets::matching(currentType(), baseUrl());
    selectPresetQuietly(p ? p : &ProviderPresets::custom());
    revalidateIfShown();
}

void ProviderDialog::updateKeyHints()
{
    const ProviderPreset *p = currentPreset();
    QString placeholder;
    if (m_editing && m_original.keySource == KeySource::Keychain)
        placeholder = tr("Leave empty to keep the stored key");
    else if (m_editing && m_original.keySource == KeySource::Environment)
        placeholder = tr("Leave empty to keep reading it from %1").arg(m_original.keyLiteral);
    else if (m_editing && m_original.keySource == KeySource::Literal)
        placeholder = tr("Leave empty to keep the key written in the configuration file");
    else if (p->isCustom())
        placeholder = tr("Only if the server asks for one");
    else if (!p->needsKey)
        placeholder = tr("Not needed; leave empty");
    else
        placeholder = tr("Paste your API key here");
    m_key->setPlaceholderText(placeholder);

    QString hint;
    const QUrl help(p->helpUrl);
    const QString link
        = QStringLiteral("<a href=\"%1\">%2</a>")
              .arg(help.toString(QUrl::FullyEncoded).toHtmlEscaped(), help.host().toHtmlEscaped());
    if (p->needsKey && !p->helpUrl.isEmpty())
        hint = tr("Get a key at %1.").arg(link);
    else if (!p->helpUrl.isEmpty())
        hint = tr("No key needed: this server runs on your own computer. Get it at %1.").arg(link);
    else if (p->isCustom())
        hint = tr("Leave the key empty if the server does not ask for one.");
    m_keyHint->setText(hint);
    m_keyHint->setVisible(!hint.isEmpty());
}

namespace {

// What is wrong with an address a provider should be reached at, or nothing.
QString urlProblem(const QString &url)
{
    if (url.isEmpty())
        return ProviderDialog::tr(
            "Enter the address of the provider's API, like https://api.example.com/v1.");
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    if (!parsed.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || parsed.host().isEmpty())
        return ProviderDialog::tr(
            "This is not a web address. It should start with https:// (or http:// for a "
            "server on your own network) and name a host, like https://api.example.com/v1.");
    return {};
}

} // namespace

void ProviderDialog::testConnection()
{
    if (m_lister)
        return;
    showMessage(m_baseUrlError, {});
    showMessage(m_keyError, {});
    const QString url = baseUrl();
    if (const QString problem = urlProblem(url); !problem.isEmpty()) {
        showMessage(m_baseUrlError, problem);
        m_testStatus->clear();
        m_baseUrl->setFocus();
        return;
    }
    auto *lister = new ModelLister(currentType(), url, keyEdited() ? apiKey() : m_storedKey, this);
    lister->setTimeout(m_testTimeoutMs);
    m_lister = lister;
    connect(lister, &ModelLister::finished, this, &ProviderDialog::onTestFinished);
    lister->start();
    setBusy(true, lister->target());
}

void ProviderDialog::onTestFinished(const ModelLister::Result &result)
{
    m_lister = nullptr; // it deletes itself
    setBusy(false);
    QPalette palette = m_testStatus->palette();
    palette.setColor(
        QPalette::WindowText, result.ok() ? this->palette().color(QPalette::WindowText) : InlineError::color(this));
    m_testStatus->setPalette(palette);
    if (result.ok()) {
        m_models->addFetched(result.models);
        m_testStatus->setText(result.models.isEmpty()
                ? tr("Connected, but the provider lists no models. Add the ones you need by hand.")
                : tr("Connected. The provider lists %n model(s); tick the ones to offer.", nullptr,
                    int(result.models.size())));
    } else {
        switch (result.field()) {
        case ModelLister::Field::ApiKey:
            showMessage(m_keyError, result.message);
            m_testStatus->setText(tr("The connection test failed: see the message under the API key."));
            break;
        case ModelLister::Field::BaseUrl:
            showMessage(m_baseUrlError, result.message);
            m_testStatus->setText(tr("The connection test failed: see the message under the base URL."));
            break;
        case ModelLister::Field::None:
            m_testStatus->setText(result.message);
            break;
        }
    }
    Q_EMIT testFinished(result.ok());
}

void ProviderDialog::setBusy(bool busy, const QString &target)
{
    m_test->setEnabled(!busy);
    m_progress->setVisible(busy);
    if (busy) {
        m_testStatus->setPalette(palette());
        m_testStatus->setText(tr("Connecting to %1…").arg(target));
    }
}

void ProviderDialog::showMessage(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

bool ProviderDialog::validate()
{
    QWidget *firstBad = nullptr;
    auto check = [&firstBad, this](QLabel *label, QWidget *field, const QString &problem) {
        showMessage(label, problem);
        if (!problem.isEmpty() && !firstBad)
            firstBad = field;
    };

    const QString name = m_name->text().trimmed();
    QString nameProblem;
    if (name.isEmpty())
        nameProblem = tr("Give the provider a name.");
    else if (m_takenNames.contains(name, Qt::CaseInsensitive)
        && !(m_editing && name.compare(m_original.name, Qt::CaseInsensitive) == 0))
        nameProblem = tr("Another provider is already called “%1”. Choose another name.").arg(name);
    check(m_nameError, m_name, nameProblem);

    check(m_baseUrlError, m_baseUrl, urlProblem(baseUrl()));

    const ProviderPreset *preset = currentPreset();
    QString keyProblem;
    if (!m_editing && preset->needsKey && !keyEdited())
        keyProblem = tr("Enter the API key from your %1 account.").arg(preset->label());
    check(m_keyError, m_key, keyProblem);

    check(m_modelsError, m_models, m_models->problem());

    if (firstBad && !firstBad->hasFocus())
        firstBad->setFocus();
    return !firstBad;
}

void ProviderDialog::revalidateIfShown()
{
    if (!m_validateLive)
        return;
    // Re-check quietly: messages come and go as the user fixes things, but focus stays where it is.
    QWidget *focus = focusWidget();
    validate();
    if (focus)
        focus->setFocus();
}

void ProviderDialog::accept()
{
    m_validateLive = true;
    if (!validate())
        return;
    QDialog::accept();
}

void ProviderDialog::done(int result)
{
    // Closing the dialog is how a user gives up on a test that takes too long.
    cancelTest();
    QDialog::done(result);
}

void ProviderDialog::cancelTest()
{
    if (!m_lister)
        return;
    m_lister->abort(); // no signal; it deletes itself
    m_lister = nullptr;
    setBusy(false);
    m_testStatus->clear();
}

ProviderConfig ProviderDialog::provider() const
{
    ProviderConfig p = m_original;
    p.name = m_name->text().trimmed();
    const ProviderAdapter *adapter = ProviderRegistry::adapter(currentType());
    // An alias (anthropic for claude) the config already uses stays as written.
    p.type = m_editing && adapter && ProviderRegistry::adapter(m_original.type) == adapter ? m_original.type
                                                                                           : currentType();
    p.baseUrl = baseUrl();
    // A config that relied on the adapter's default keeps relying on it.
    if (m_editing && m_original.baseUrl.isEmpty() && adapter && p.baseUrl == adapter->defaultBaseUrl())
        p.baseUrl.clear();
    p.models = m_models->mappings();
    if (keyEdited()) {
        p.keySource = KeySource::Keychain;
        p.keyLiteral.clear();
    } else if (!m_editing) {
        p.keySource = currentPreset()->needsKey ? KeySource::Keychain : KeySource::None;
        p.keyLiteral.clear();
    }
    return p;
}
