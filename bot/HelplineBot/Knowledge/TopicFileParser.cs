using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HelplineBot.Knowledge;

/// <summary>
/// Reads one knowledge file (knowledge/README.md describes the format): YAML front matter, then
/// `## Title {#section-id}` sections, each with `&lt;!-- source: … --&gt;` and optional `next`/`answers`
/// comments, a short answer as the first paragraph, and more text after it.
/// </summary>
internal static partial class TopicFileParser
{
    private static readonly string[] Placeholders = ["{helpline.phone}", "{helpline.hours}", "{helpline.name}"];

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    [GeneratedRegex(@"^##\s+(?<title>.+?)\s*\{#(?<id>[^}]*)\}\s*$")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^<!--\s*(?<key>[a-z]+)\s*:\s*(?<value>.*?)\s*-->$")]
    private static partial Regex MetadataComment();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    public static IReadOnlyList<KnowledgeSection> Parse(string text, string fileName)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new KnowledgeFileException(fileName, 1, "must start with front matter between two '---' lines");
        }
        var end = Array.FindIndex(lines, 1, line => line.Trim() == "---");
        if (end < 0) throw new KnowledgeFileException(fileName, 1, "front matter is not closed by a '---' line");

        var front = ReadFrontMatter(string.Join('\n', lines[1..end]), fileName);
        var sections = new List<KnowledgeSection>();
        SectionBuilder? current = null;
        for (var i = end + 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var lineNumber = i + 1;
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (current is not null) sections.Add(current.Build(front, fileName));
                current = StartSection(line, lineNumber, fileName);
            }
            else if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                throw new KnowledgeFileException(fileName, lineNumber, "use '##' for sections; the file's title is in the front matter");
            }
            else if (current is null)
            {
                if (line.Length > 0) throw new KnowledgeFileException(fileName, lineNumber, "text before the first '##' section belongs in a section");
            }
            else
            {
                current.Add(line, lineNumber, fileName);
            }
        }
        if (current is not null) sections.Add(current.Build(front, fileName));
        if (sections.Count == 0) throw new KnowledgeFileException(fileName, 0, "has no '##' sections");
        return sections;
    }

    private static SectionBuilder StartSection(string line, int lineNumber, string fileName)
    {
        var match = SectionHeading().Match(line);
        if (!match.Success) throw new KnowledgeFileException(fileName, lineNumber, "a section heading needs an id: '## Title {#section-id}'");
        var id = match.Groups["id"].Value;
        if (!KebabCase().IsMatch(id)) throw new KnowledgeFileException(fileName, lineNumber, $"section id '{id}' must be kebab-case (a-z, 0-9, '-')");
        return new SectionBuilder(id, match.Groups["title"].Value, lineNumber);
    }

    private static FrontMatter ReadFrontMatter(string yaml, string fileName)
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        FrontMatter? front;
        try
        {
            front = deserializer.Deserialize<FrontMatter?>(yaml);
        }
        catch (YamlDotNet.Core.YamlException exception)
        {
            throw new KnowledgeFileException(fileName, (int)exception.Start.Line + 1, "front matter is not valid: " + exception.Message);
        }
        if (front is null) throw new KnowledgeFileException(fileName, 2, "front matter is empty");
        if (string.IsNullOrWhiteSpace(front.Id) || !KebabCase().IsMatch(front.Id)) throw new KnowledgeFileException(fileName, 0, "front matter needs a kebab-case 'id'");
        if (string.IsNullOrWhiteSpace(front.Title)) throw new KnowledgeFileException(fileName, 0, "front matter needs a 'title'");
        if (string.IsNullOrWhiteSpace(front.Source)) throw new KnowledgeFileException(fileName, 0, "front matter needs a 'source' (seed file and section)");
        if (!DateOnly.TryParseExact(front.LastReviewed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new KnowledgeFileException(fileName, 0, "front matter needs 'lastReviewed' as a date, e.g. 2026-11-23");
        }
        if (front.Tags is not { Count: > 0 }) throw new KnowledgeFileException(fileName, 0, "front matter needs at least one tag in 'tags'");
        return front;
    }

    internal static string? UnknownPlaceholder(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).FirstOrDefault(p => !Placeholders.Contains(p));

    private sealed class FrontMatter
    {
        public string? Id { get; set; }
        public string? Title { get; set; }
        public string? Source { get; set; }
        public string? LastReviewed { get; set; }
        public List<string>? Tags { get; set; }
    }

    private sealed class SectionBuilder(string id, string title, int headingLine)
    {
        private readonly List<string> _shortAnswer = [];
        private readonly StringBuilder _body = new();
        private string? _source;
        private List<string> _next = [];
        private List<string> _answers = [];
        private bool _shortAnswerDone;

        public void Add(string line, int lineNumber, string fileName)
        {
            var metadata = MetadataComment().Match(line.Trim());
            if (metadata.Success && _shortAnswer.Count == 0)
            {
                var value = metadata.Groups["value"].Value;
                switch (metadata.Groups["key"].Value)
                {
                    case "source": _source = value; break;
                    case "next": _next = SplitList(value); break;
                    case "answers": _answers = SplitList(value); break;
                    default: throw new KnowledgeFileException(fileName, lineNumber, $"unknown section setting '{metadata.Groups["key"].Value}' (use source, next or answers)");
                }
                return;
            }
            if (UnknownPlaceholder(line) is { } unknown)
            {
                throw new KnowledgeFileException(fileName, lineNumber, $"unknown placeholder {unknown} (use {string.Join(", ", Placeholders)})");
            }
            if (!_shortAnswerDone)
            {
                if (line.Length > 0) _shortAnswer.Add(line.Trim());
                else if (_shortAnswer.Count > 0) _shortAnswerDone = true;
                return;
            }
            _body.AppendLine(line);
        }

        public KnowledgeSection Build(FrontMatter front, string fileName)
        {
            if (string.IsNullOrWhiteSpace(_source)) throw new KnowledgeFileException(fileName, headingLine, $"section '{id}' needs a '<!-- source: seed file > section -->' line");
            if (_shortAnswer.Count == 0) throw new KnowledgeFileException(fileName, headingLine, $"section '{id}' needs a short answer as its first paragraph");
            return new KnowledgeSection
            {
                Id = id,
                Title = title,
                TopicId = front.Id!,
                TopicTitle = front.Title!,
                ShortAnswer = string.Join(' ', _shortAnswer),
                Body = _body.ToString().Trim(),
                Source = _source,
                Next = _next,
                Answers = _answers,
                Tags = front.Tags!,
            };
        }

        private static List<string> SplitList(string value) =>
            value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }
}
