#include "noticebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

NoticeBar::NoticeBar(QWidget *parent) : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action = new QPushButton(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action, 0, Qt::AlignVCenter);
    connect(m_action, &QPushButton::clicked, this, &NoticeBar::actionTriggered);
    hide();
}

void NoticeBar::showNotice(Tone tone, const QString &text, const QString &actionText)
{
    static const char *const backgrounds[] = {"#e8f1fd", "#fff4d6", "#fde7e7"};
    static const char *const borders[] = {"#9cc2f0", "#e8c35a", "#e59a9a"};
    const int t = int(tone);
    setStyleSheet(QStringLiteral("NoticeBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                                 " NoticeBar QLabel { color: #202124; }")
                      .arg(QLatin1String(backgrounds[t]), QLatin1String(borders[t])));
    m_text->setText(text);
    m_action->setText(actionText);
    m_action->setVisible(!actionText.isEmpty());
    m_action->setEnabled(true);
    show();
}

QString NoticeBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}
