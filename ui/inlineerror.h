#pragma once

#include <QColor>
#include <QString>

class QLabel;
class QWidget;

// The message shown next to what caused an error: one look on every page and dialog, readable on light and
// dark themes, selectable so it can be pasted into a search or a report, hidden until there is something to say.
namespace InlineError {

QColor color(const QWidget *widget);
QLabel *create(QWidget *parent, const QString &objectName);
// Shows text, or hides the label when text is empty.
void show(QLabel *label, const QString &text);

} // namespace InlineError
