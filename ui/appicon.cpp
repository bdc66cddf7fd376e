#include "appicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace {

const int sizes[] = {16, 22, 24, 32, 48, 64, 128, 256};

void paintTile(QPainter &p, int size)
{
    const qreal s = size;
    p.setRenderHint(QPainter::Antialiasing);
    QLinearGradient tile(0, 0, 0, s);
    tile.setColorAt(0, QColor(0x2f, 0x6f, 0xd6));
    tile.setColorAt(1, QColor(0x1d, 0x4b, 0xa0));
    p.setPen(Qt::NoPen);
    p.setBrush(tile);
    p.drawRoundedRect(QRectF(0, 0, s, s).adjusted(s * 0.03, s * 0.03, -s * 0.03, -s * 0.03), s * 0.22, s * 0.22);

    // Three tracks on the left merge into one on the right: many providers, one API.
    QPen rail(Qt::white, qMax(1.5, s * 0.085), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(rail);
    p.setBrush(Qt::NoBrush);
    const QPointF join(s * 0.56, s * 0.5);
    const QPointF out(s * 0.82, s * 0.5);
    for (const qreal y : {0.26, 0.5, 0.74}) {
        QPainterPath track(QPointF(s * 0.18, s * y));
        track.cubicTo(QPointF(s * 0.38, s * y), QPointF(s * 0.40, s * 0.5), join);
        p.drawPath(track);
    }
    p.drawLine(join, out);
}

QPixmap tilePixmap(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    paintTile(p, size);
    return pixmap;
}

QColor badgeColor(AppIcon::State state)
{
    switch (state) {
    case AppIcon::State::Serving:
        return QColor(0x2e, 0xb8, 0x5c);
    case AppIcon::State::Paused:
        return QColor(0x9a, 0xa0, 0xa6);
    case AppIcon::State::Error:
        return QColor(0xe0, 0x3e, 0x3e);
    case AppIcon::State::Sharing:
        return QColor(0xf5, 0xa6, 0x23);
    }
    return Qt::black;
}

} // namespace

namespace AppIcon {

QIcon application()
{
    QIcon icon;
    for (const int size : sizes)
        icon.addPixmap(tilePixmap(size));
    return icon;
}

QIcon forState(State state)
{
    QIcon icon;
    for (const int size : sizes) {
        QPixmap pixmap = tilePixmap(size);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const qreal d = size * 0.42;
        const QRectF badge(size - d, size - d, d, d);
        p.setPen(QPen(Qt::white, qMax(1.0, size * 0.05)));
        p.setBrush(badgeColor(state));
        p.drawEllipse(badge.adjusted(1, 1, -1, -1));
        if (state == State::Paused) {
            // Two bars, as on every pause button.
            p.setPen(Qt::NoPen);
            p.setBrush(Qt::white);
            const qreal w = d * 0.14;
            p.drawRect(QRectF(badge.center().x() - w * 1.6, badge.top() + d * 0.3, w, d * 0.4));
            p.drawRect(QRectF(badge.center().x() + w * 0.6, badge.top() + d * 0.3, w, d * 0.4));
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QImage image(int size)
{
    return tilePixmap(size).toImage();
}

} // namespace AppIcon
