using System.Globalization;

namespace HelplineBot.Channels.DirectLine;

/// <summary>
/// Watermarks are the sequence number of the last activity a client has, sent as a string: directlinejs
/// keeps a watermark only when it is truthy, so a numeric 0 would be dropped (directline-client-notes.md §5).
/// Empty, "null" and "-" mean "from the start".
/// </summary>
public static class Watermark
{
    public static bool TryParse(string? text, out long seq)
    {
        seq = 0;
        if (string.IsNullOrEmpty(text) || text is "null" or "-" or "undefined") return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seq)) return false;
        return true;
    }

    public static string Format(long seq) => seq.ToString(CultureInfo.InvariantCulture);
}
