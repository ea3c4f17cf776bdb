namespace HelplineBot.Tools.Teams;

/// <summary>
/// The two icons Teams requires, drawn in code: a speech bubble with three dots ("someone is here to talk").
/// color.png is 192×192 on the accent colour; outline.png is 32×32, white on transparent only, as Teams
/// asks of outline icons.
/// </summary>
internal static class AppIcons
{
    public const int ColorSize = 192;
    public const int OutlineSize = 32;

    public static byte[] Color(Rgb accent)
    {
        var pixels = new byte[ColorSize * ColorSize * 4];
        for (var y = 0; y < ColorSize; y++)
        {
            for (var x = 0; x < ColorSize; x++)
            {
                var inBubble = InRoundedRect(x, y, 36, 44, 156, 128, 22) || InTriangle(x, y, (60, 124), (60, 156), (96, 124));
                var inDot = InCircle(x, y, 70, 86, 9) || InCircle(x, y, 96, 86, 9) || InCircle(x, y, 122, 86, 9);
                var colour = inBubble && !inDot ? new Rgb(255, 255, 255) : accent;
                Set(pixels, ColorSize, x, y, colour, 255);
            }
        }

        return Png.Encode(ColorSize, ColorSize, pixels);
    }

    public static byte[] Outline()
    {
        var pixels = new byte[OutlineSize * OutlineSize * 4];
        for (var y = 0; y < OutlineSize; y++)
        {
            for (var x = 0; x < OutlineSize; x++)
            {
                var outer = InRoundedRect(x, y, 3, 5, 29, 23, 5);
                var inner = InRoundedRect(x, y, 5, 7, 27, 21, 3);
                var tail = InTriangle(x, y, (8, 21), (8, 28), (15, 21));
                var dot = InRect(x, y, 10, 13, 12, 15) || InRect(x, y, 15, 13, 17, 15) || InRect(x, y, 20, 13, 22, 15);
                var white = (outer && !inner) || tail || dot;
                Set(pixels, OutlineSize, x, y, white ? new Rgb(255, 255, 255) : new Rgb(0, 0, 0), white ? (byte)255 : (byte)0);
            }
        }

        return Png.Encode(OutlineSize, OutlineSize, pixels);
    }

    private static void Set(byte[] pixels, int size, int x, int y, Rgb colour, byte alpha)
    {
        var i = ((y * size) + x) * 4;
        pixels[i] = colour.R;
        pixels[i + 1] = colour.G;
        pixels[i + 2] = colour.B;
        pixels[i + 3] = alpha;
    }

    // Shapes are tested at pixel centres, so edges are crisp and symmetric.
    private static bool InRect(int x, int y, double left, double top, double right, double bottom)
    {
        double cx = x + 0.5, cy = y + 0.5;
        return cx >= left && cx < right && cy >= top && cy < bottom;
    }

    private static bool InRoundedRect(int x, int y, double left, double top, double right, double bottom, double radius)
    {
        if (!InRect(x, y, left, top, right, bottom))
        {
            return false;
        }

        double cx = x + 0.5, cy = y + 0.5;
        var nearestX = Math.Clamp(cx, left + radius, right - radius);
        var nearestY = Math.Clamp(cy, top + radius, bottom - radius);
        return ((cx - nearestX) * (cx - nearestX)) + ((cy - nearestY) * (cy - nearestY)) <= radius * radius;
    }

    private static bool InCircle(int x, int y, double centreX, double centreY, double radius)
    {
        double dx = x + 0.5 - centreX, dy = y + 0.5 - centreY;
        return (dx * dx) + (dy * dy) <= radius * radius;
    }

    private static bool InTriangle(int x, int y, (double X, double Y) a, (double X, double Y) b, (double X, double Y) c)
    {
        double px = x + 0.5, py = y + 0.5;
        var d1 = Side(px, py, a, b);
        var d2 = Side(px, py, b, c);
        var d3 = Side(px, py, c, a);
        var hasNegative = d1 < 0 || d2 < 0 || d3 < 0;
        var hasPositive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(hasNegative && hasPositive);
    }

    private static double Side(double px, double py, (double X, double Y) a, (double X, double Y) b) =>
        ((px - b.X) * (a.Y - b.Y)) - ((a.X - b.X) * (py - b.Y));
}
