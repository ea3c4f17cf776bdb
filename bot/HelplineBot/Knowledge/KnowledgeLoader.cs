using HelplineBot.Knowledge.Retrieval;

namespace HelplineBot.Knowledge;

/// <summary>
/// Loads every knowledge/topics/*.md, knowledge/synonyms.yaml and knowledge/framing.yaml into a snapshot and checks what no
/// single file can: section ids unique across files and every `next` id naming a real section.
/// </summary>
internal static class KnowledgeLoader
{
    public static KnowledgeSnapshot Load(string folder)
    {
        var topics = Path.Combine(folder, "topics");
        if (!Directory.Exists(topics)) throw new KnowledgeFileException(topics, 0, "folder not found");
        var sections = new List<KnowledgeSection>();
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(topics, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(folder, path);
            foreach (var section in TopicFileParser.Parse(File.ReadAllText(path), name))
            {
                if (!origin.TryAdd(section.Id, name))
                {
                    throw new KnowledgeFileException(name, 0, $"section id '{section.Id}' is already used in {origin[section.Id]}");
                }
                sections.Add(section);
            }
        }
        if (sections.Count == 0) throw new KnowledgeFileException(topics, 0, "holds no knowledge files (*.md)");
        foreach (var section in sections)
        {
            var missing = section.Next.FirstOrDefault(id => !origin.ContainsKey(id));
            if (missing is not null) throw new KnowledgeFileException(origin[section.Id], 0, $"section '{section.Id}' offers next '{missing}', which no file defines");
        }
        var synonymsPath = Path.Combine(folder, "synonyms.yaml");
        var synonyms = File.Exists(synonymsPath) ? Synonyms.Parse(File.ReadAllText(synonymsPath), "synonyms.yaml") : Synonyms.Empty;
        var framingPath = Path.Combine(folder, "framing.yaml");
        var focus = File.Exists(framingPath) ? QuestionFocus.Parse(File.ReadAllText(framingPath), "framing.yaml") : QuestionFocus.Default;
        return new KnowledgeSnapshot(sections, synonyms, focus);
    }
}
