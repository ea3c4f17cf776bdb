namespace HelplineBot.Tests.Dialogs;

/// <summary>A private copy of the shipped knowledge/ folder that a test may add to or break.</summary>
public sealed class KnowledgeCopy
{
    public KnowledgeCopy()
    {
        Folder = Directory.CreateTempSubdirectory("helplinebot-knowledge-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "knowledge");
        foreach (var file in Directory.GetFiles(source, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Folder, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Folder { get; }

    public string FlowPath(string name) => Path.Combine(Folder, "flows", name);

    public string MessagesPath => Path.Combine(Folder, "messages", "en.yaml");

    public void WriteFlow(string name, string yaml) => File.WriteAllText(FlowPath(name), yaml);

    public IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Dialogs:KnowledgeFolder"] = Folder };

    /// <summary>A flow with a number and a text prompt (the helpline's own flows use neither alone).</summary>
    public const string PromptFlow = """
        id: prompt-test
        triggers: ["prompt test"]
        steps:
          - id: count
            type: number
            message: callback.name
            save: count
            min: 1
            max: 10
          - id: note
            type: text
            message: callback.name
            save: note
            max: 20
          - id: done
            type: message
            message: callback.declined
        """;
}
