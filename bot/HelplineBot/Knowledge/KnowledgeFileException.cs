namespace HelplineBot.Knowledge;

/// <summary>
/// A knowledge file a content editor must fix: which file, which line (0 when the whole file) and what
/// is wrong, in words an editor reads. Thrown at start so a broken file never reaches a visitor.
/// </summary>
public sealed class KnowledgeFileException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file} line {line}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
