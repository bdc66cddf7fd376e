#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

// A strip across the top of a window that says one thing the user should know, in plain words, with at
// most one button that fixes it. Hidden when there is nothing to say.
class NoticeBar final : public QFrame
{
    Q_OBJECT

public:
    enum class Tone { Info, Warning, Error };

    explicit NoticeBar(QWidget *parent = nullptr);

    // An empty action text shows no button.
    void showNotice(Tone tone, const QString &text, const QString &actionText = {});
    QString text() const;
    QPushButton *actionButton() const { return m_action; }

Q_SIGNALS:
    void actionTriggered();

private:
    QLabel *m_text;
    QPushButton *m_action;
};
