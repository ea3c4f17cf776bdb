using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HelplineBot.DeploymentTests.Deployment;
using HelplineBot.Tools.Teams;
using Microsoft.Extensions.Configuration;

namespace HelplineBot.DeploymentTests.Teams;

public sealed class TeamsAppPackageTests : IDisposable
{
    private const string AppId = "6f1c2a9e-3b4d-4e8f-9a0b-1c2d3e4f5a6b";
    private const string Host = "helplinebot-test.azurewebsites.net";

    private readonly string folder = Directory.CreateTempSubdirectory("helplinebot-teams-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Write_ValidConfiguration_ZipHoldsExactlyManifestAndIconsAtRoot()
    {
        using var zip = ZipFile.OpenRead(WritePackage());

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public void Manifest_RequiredFields_ArePresentAndWithinLimits()
    {
        var manifest = Manifest(WritePackage());

        Assert.Equal(TeamsAppManifest.ManifestVersion, (string?)manifest["manifestVersion"]);
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{manifest["manifestVersion"]}/MicrosoftTeams.schema.json", (string?)manifest["$schema"]);
        Assert.Matches(new Regex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"), (string?)manifest["version"]);
        Assert.Equal(AppId, (string?)manifest["id"]);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            Assert.StartsWith("https://", (string?)manifest["developer"]![url], StringComparison.Ordinal);
        }

        Assert.InRange(((string?)manifest["developer"]!["name"])!.Length, 1, 32);
        Assert.InRange(((string?)manifest["name"]!["short"])!.Length, 1, 30);
        Assert.InRange(((string?)manifest["name"]!["full"])!.Length, 1, 100);
        Assert.InRange(((string?)manifest["description"]!["short"])!.Length, 1, 80);
        Assert.InRange(((string?)manifest["description"]!["full"])!.Length, 1, 4000);
        Assert.Equal("color.png", (string?)manifest["icons"]!["color"]);
        Assert.Equal("outline.png", (string?)manifest["icons"]!["outline"]);
        Assert.Matches(new Regex("^#[0-9A-Fa-f]{6}$"), (string?)manifest["accentColor"]);
        Assert.Equal([Host], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Manifest_Bot_IsTheAzureBotWithScopesAndCommandHints()
    {
        var bot = Assert.Single(Manifest(WritePackage())["bots"]!.AsArray())!;
        var commands = Assert.Single(bot["commandLists"]!.AsArray())!["commands"]!.AsArray();

        Assert.Equal(AppId, (string?)bot["botId"]);
        Assert.True(Guid.TryParse((string?)bot["botId"], out _));
        Assert.Equal(["groupchat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => (string?)s).Order());
        Assert.InRange(commands.Count, 1, 10);
        Assert.All(commands, c =>
        {
            Assert.InRange(((string?)c!["title"])!.Length, 1, 32);
            Assert.InRange(((string?)c["description"])!.Length, 1, 128);
        });
        Assert.Contains(commands, c => (string?)c!["title"] == "talk to an advisor");
    }

    [Fact]
    public void Manifest_FullDescription_UsesTheConfiguredPhoneNumber()
    {
        var manifest = Manifest(WritePackage(("Helpline:Phone", "800-555-0100")));

        Assert.Contains("800-555-0100", (string?)manifest["description"]!["full"], StringComparison.Ordinal);
    }

    [Fact]
    public void Icons_SizesInPngHeaders_Are192And32()
    {
        using var zip = ZipFile.OpenRead(WritePackage());
        var color = PngImage.Read(Read(zip, "color.png"));
        var outline = PngImage.Read(Read(zip, "outline.png"));

        Assert.Equal((192, 192), (color.Width, color.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
    }

    [Fact]
    public void OutlineIcon_EveryPixel_IsWhiteOrTransparentAndSomeAreBoth()
    {
        using var zip = ZipFile.OpenRead(WritePackage());
        var outline = PngImage.Read(Read(zip, "outline.png"));
        var pixels = outline.Rgba.Chunk(4).ToList();

        Assert.All(pixels, p => Assert.True(p[3] == 0 || (p[0] == 255 && p[1] == 255 && p[2] == 255), "outline pixel neither transparent nor white"));
        Assert.Contains(pixels, p => p[3] == 0);
        Assert.Contains(pixels, p => p[3] == 255);
    }

    [Fact]
    public void ColorIcon_IsOpaqueOnTheAccentColour()
    {
        using var zip = ZipFile.OpenRead(WritePackage(("TeamsApp:AccentColor", "#336699")));
        var color = PngImage.Read(Read(zip, "color.png"));

        Assert.All(color.Rgba.Chunk(4), p => Assert.Equal(255, p[3]));
        Assert.Equal(new byte[] { 0x33, 0x66, 0x99, 255 }, color.Rgba[..4]);
    }

    [Fact]
    public void Write_SameConfigurationTwice_SameBytes()
    {
        var first = File.ReadAllBytes(WritePackage());
        var second = File.ReadAllBytes(WritePackage());

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("MicrosoftAppId", "", "MicrosoftAppId is empty")]
    [InlineData("MicrosoftAppId", "helpline-bot", "MicrosoftAppId is not a GUID")]
    [InlineData("DirectLine:PublicBaseUrl", "http://insecure.example", "must be an absolute https address")]
    [InlineData("TeamsApp:ShortName", "A name much longer than thirty characters", "Teams allows 30")]
    [InlineData("TeamsApp:DeveloperName", "A publisher name over thirty-two characters", "Teams allows 32")]
    [InlineData("TeamsApp:Version", "1.0", "TeamsApp:Version")]
    [InlineData("TeamsApp:Version", "1.01.0", "TeamsApp:Version")]
    [InlineData("TeamsApp:ValidDomains:0", "https://with-scheme.example", "without scheme")]
    [InlineData("Helpline:Phone", "", "Helpline:Phone is empty")]
    public void Resolve_BadSetting_RefusesAndSaysWhy(string key, string value, string expected)
    {
        var app = TeamsAppDefinition.Resolve(Configuration((key, value)), out var problems);

        Assert.Null(app);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_NoWebsiteAnywhere_NamesBothKeys()
    {
        TeamsAppDefinition.Resolve(Configuration(("DirectLine:PublicBaseUrl", "")), out var problems);

        Assert.Equal("TeamsApp:WebsiteUrl (or DirectLine:PublicBaseUrl) is empty: Teams requires an https address.", Assert.Single(problems));
    }

    private string WritePackage(params (string Key, string Value)[] overrides)
    {
        var app = TeamsAppDefinition.Resolve(Configuration(overrides), out var problems);
        Assert.True(app is not null, string.Join("; ", problems));
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.zip");
        TeamsAppPackage.Write(app, path);
        return path;
    }

    // The bot's own root appsettings.json (as the command reads it), plus a deployment's values.
    private static IConfiguration Configuration(params (string Key, string Value)[] overrides)
    {
        var values = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["DirectLine:PublicBaseUrl"] = $"https://{Host}",
        };
        foreach (var (key, value) in overrides)
        {
            values[key] = value;
        }

        return new ConfigurationBuilder()
            .AddJsonFile(Repository.File("appsettings.json"), optional: false)
            .AddInMemoryCollection(values)
            .Build();
    }

    private static JsonObject Manifest(string zipPath)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        return JsonNode.Parse(Read(zip, "manifest.json"))!.AsObject();
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
