using HelplineBot.Knowledge;

namespace HelplineBot.Tests.Knowledge;

public class TopicFileParserTests
{
    private const string Front = """
        ---
        id: sample
        title: Sample topic
        source: seed.txt > Section
        lastReviewed: 2026-11-23
        tags: [sample]
        ---

        """;

    private const string Section = """
        ## First question {#first-question}
        <!-- source: seed.txt > Section -->
        <!-- next: other-section -->

        The short answer,
        over two lines.

        More text.
        """;

    [Fact]
    public void Parse_ValidFile_ReadsSections()
    {
        var sections = TopicFileParser.Parse(Front + Section + "\n\n## Second {#second}\n<!-- source: seed.txt > Other -->\n<!-- answers: duration -->\n\nIt varies.\n", "sample.md");

        Assert.Equal(2, sections.Count);
        var first = sections[0];
        Assert.Equal("first-question", first.Id);
        Assert.Equal("First question", first.Title);
        Assert.Equal("The short answer, over two lines.", first.ShortAnswer);
        Assert.Equal("More text.", first.Body);
        Assert.Equal(["other-section"], first.Next);
        Assert.Equal("Sample topic > First question", first.SourceLabel);
        Assert.Equal(["duration"], sections[1].Answers);
    }

    [Theory]
    [InlineData("no front matter", "## A {#a}\n<!-- source: s -->\n\nText.\n", "must start with front matter")]
    [InlineData("unclosed", "---\nid: a\n", "not closed")]
    [InlineData("missing id", "---\ntitle: T\nsource: s\nlastReviewed: 2026-11-23\ntags: [t]\n---\n## A {#a}\n<!-- source: s -->\n\nText.\n", "'id'")]
    [InlineData("id not kebab", "---\nid: Not_Kebab\ntitle: T\nsource: s\nlastReviewed: 2026-11-23\ntags: [t]\n---\n## A {#a}\n<!-- source: s -->\n\nText.\n", "'id'")]
    [InlineData("missing title", "---\nid: a\nsource: s\nlastReviewed: 2026-11-23\ntags: [t]\n---\n## A {#a}\n<!-- source: s -->\n\nText.\n", "'title'")]
    [InlineData("missing source", "---\nid: a\ntitle: T\nlastReviewed: 2026-11-23\ntags: [t]\n---\n## A {#a}\n<!-- source: s -->\n\nText.\n", "'source'")]
    [InlineData("bad date", "---\nid: a\ntitle: T\nsource: s\nlastReviewed: last week\ntags: [t]\n---\n## A {#a}\n<!-- source: s -->\n\nText.\n", "'lastReviewed'")]
    [InlineData("no tags", "---\nid: a\ntitle: T\nsource: s\nlastReviewed: 2026-11-23\n---\n## A {#a}\n<!-- source: s -->\n\nText.\n", "tag")]
    [InlineData("unknown key", "---\nid: a\ntitle: T\nsource: s\nlastReviewed: 2026-11-23\ntags: [t]\nreviewer: x\n---\n## A {#a}\n<!-- source: s -->\n\nText.\n", "front matter is not valid")]
    public void Parse_BrokenFrontMatter_NamesTheProblem(string name, string text, string expected)
    {
        var exception = Assert.Throws<KnowledgeFileException>(() => TopicFileParser.Parse(text, "broken.md"));

        Assert.Contains(expected, exception.Message);
        Assert.StartsWith("broken.md", exception.Message);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [InlineData("## No id here\n<!-- source: s -->\n\nText.\n", "needs an id", 8)]
    [InlineData("## Bad {#Bad_Id}\n<!-- source: s -->\n\nText.\n", "kebab-case", 8)]
    [InlineData("## A {#a}\n\nText.\n", "needs a '<!-- source", 8)]
    [InlineData("## A {#a}\n<!-- source: s -->\n", "short answer", 8)]
    [InlineData("## A {#a}\n<!-- source: s -->\n\nCall {helpline.fax}.\n", "unknown placeholder {helpline.fax}", 11)]
    [InlineData("## A {#a}\n<!-- source: s -->\n<!-- sauce: s -->\n\nText.\n", "unknown section setting 'sauce'", 10)]
    [InlineData("# A title\n", "use '##'", 8)]
    [InlineData("Loose text.\n## A {#a}\n<!-- source: s -->\n\nText.\n", "before the first", 8)]
    public void Parse_BrokenSection_NamesProblemAndLine(string body, string expected, int line)
    {
        var exception = Assert.Throws<KnowledgeFileException>(() => TopicFileParser.Parse(Front + body, "broken.md"));

        Assert.Contains(expected, exception.Message);
        Assert.Equal(line, exception.Line);
    }

    [Fact]
    public void Load_DuplicateSectionIdAcrossFiles_Throws()
    {
        using var folder = new TempKnowledgeFolder();
        folder.Write("topics/a.md", Front + Section.Replace("<!-- next: other-section -->\n", ""));
        folder.Write("topics/b.md", Front.Replace("id: sample", "id: other") + Section.Replace("<!-- next: other-section -->\n", ""));

        var exception = Assert.Throws<KnowledgeFileException>(() => TestKnowledge.CreateKnowledgeBase(TestKnowledge.Options(folder.Path)));

        Assert.Contains("'first-question' is already used", exception.Message);
    }

    [Fact]
    public void Load_NextNamesMissingSection_Throws()
    {
        using var folder = new TempKnowledgeFolder();
        folder.Write("topics/a.md", Front + Section);

        var exception = Assert.Throws<KnowledgeFileException>(() => TestKnowledge.CreateKnowledgeBase(TestKnowledge.Options(folder.Path)));

        Assert.Contains("next 'other-section'", exception.Message);
    }

    [Fact]
    public void Load_BadSynonymEntry_Throws()
    {
        using var folder = new TempKnowledgeFolder();
        folder.Write("topics/a.md", Front + Section.Replace("<!-- next: other-section -->\n", ""));
        folder.Write("synonyms.yaml", "synonyms:\n  - means: ketamine\n");

        var exception = Assert.Throws<KnowledgeFileException>(() => TestKnowledge.CreateKnowledgeBase(TestKnowledge.Options(folder.Path)));

        Assert.Contains("synonyms.yaml", exception.Message);
    }

    [Fact]
    public void Reload_BrokenFile_KeepsPreviousKnowledge()
    {
        using var folder = new TempKnowledgeFolder();
        folder.Write("topics/a.md", Front + Section.Replace("<!-- next: other-section -->\n", ""));
        var knowledge = TestKnowledge.CreateKnowledgeBase(TestKnowledge.Options(folder.Path));

        folder.Write("topics/a.md", "broken");
        var reloaded = knowledge.Reload();

        Assert.False(reloaded);
        Assert.NotNull(knowledge.Find("first-question"));
    }

    [Fact]
    public void Reload_ChangedFile_UsesNewText()
    {
        using var folder = new TempKnowledgeFolder();
        folder.Write("topics/a.md", Front + Section.Replace("<!-- next: other-section -->\n", ""));
        var knowledge = TestKnowledge.CreateKnowledgeBase(TestKnowledge.Options(folder.Path));

        folder.Write("topics/a.md", Front + Section.Replace("<!-- next: other-section -->\n", "").Replace("The short answer,", "A new answer,"));
        Assert.True(knowledge.Reload());

        Assert.StartsWith("A new answer", knowledge.Find("first-question")!.ShortAnswer);
    }

    [Fact]
    public async Task KnowledgeStartup_WatchedFileSaved_ReloadsKnowledge()
    {
        using var folder = new TempKnowledgeFolder();
        folder.Write("topics/a.md", Front + Section.Replace("<!-- next: other-section -->\n", ""));
        var options = TestKnowledge.Options(folder.Path);
        options.WatchFiles = true;
        var knowledge = TestKnowledge.CreateKnowledgeBase(options);
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        knowledge.Reloaded += (_, _) => reloaded.TrySetResult();
        using var startup = new KnowledgeStartup(knowledge, Microsoft.Extensions.Options.Options.Create(options), new ProductionEnvironment());
        await startup.StartAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        folder.Write("topics/a.md", Front + Section.Replace("<!-- next: other-section -->\n", "").Replace("The short answer,", "An edited answer,"));
        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await startup.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.StartsWith("An edited answer", knowledge.Find("first-question")!.ShortAnswer);
    }

    private sealed class ProductionEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "HelplineBot";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }

    private sealed class TempKnowledgeFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("knowledge-test-").FullName;

        public void Write(string relative, string text)
        {
            var full = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
