using System.Globalization;

namespace HelplineBot.Tools.Teams;

/// <summary>An opaque colour, parsed from the manifest's "#RRGGBB" accent colour.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static bool TryParse(string? hex, out Rgb colour)
    {
        colour = default;
        if (hex is not { Length: 7 } || hex[0] != '#'
            || !uint.TryParse(hex.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        colour = new Rgb((byte)(value >> 16), (byte)(value >> 8), (byte)value);
        return true;
    }
}
