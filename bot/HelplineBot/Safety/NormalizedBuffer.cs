using System.Buffers;

namespace HelplineBot.Safety;

/// <summary>A growable char buffer from the shared pool, so screening a message allocates no intermediate strings.</summary>
internal struct NormalizedBuffer : IDisposable
{
    private char[] _chars;

    public NormalizedBuffer(int textLength)
    {
        _chars = ArrayPool<char>.Shared.Rent(Math.Max(64, textLength * 2 + 16));
        Length = 0;
    }

    public int Length { get; private set; }

    public readonly ReadOnlySpan<char> Written => _chars.AsSpan(0, Length);

    public readonly bool EndsWithBreak => Length >= 2 && _chars[Length - 2] == TextNormalizer.ClauseBreak && _chars[Length - 1] == ' ';

    public void Append(char c)
    {
        if (Length == _chars.Length) Grow(1);
        _chars[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _chars.Length) Grow(text.Length);
        text.CopyTo(_chars.AsSpan(Length));
        Length += text.Length;
    }

    /// <summary>The last word written, without its trailing space; empty at the start.</summary>
    public readonly ReadOnlySpan<char> LastWord
    {
        get
        {
            if (Length < 2 || _chars[Length - 1] != ' ') return [];
            var end = Length - 1;
            var start = _chars.AsSpan(0, end).LastIndexOf(' ') + 1;
            return _chars.AsSpan(start, end - start);
        }
    }

    /// <summary>Takes back the last word written (see <see cref="LastWord"/>).</summary>
    public void RemoveLastWord() => Length -= LastWord.Length + 1;

    public void TrimTrailingBreak()
    {
        if (EndsWithBreak && Length > 2) Length -= 2;
    }

    public void Dispose()
    {
        if (_chars.Length > 0) ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
        Length = 0;
    }

    private void Grow(int needed)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, Length + needed));
        _chars.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = bigger;
    }
}
