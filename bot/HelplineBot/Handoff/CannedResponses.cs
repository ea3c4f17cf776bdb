using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HelplineBot.Handoff;

/// <summary>The canned responses file, read once at start; a broken file stops the start (style.md #4).</summary>
public sealed class CannedResponses
{
    public CannedResponses(IOptions<HandoffOptions> options, IHostEnvironment environment)
    {
        var path = Path.Combine(environment.ContentRootPath, options.Value.CannedResponsesFile);
        if (!File.Exists(path))
        {
            All = [];
            return;
        }
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var file = deserializer.Deserialize<CannedResponsesFile>(File.ReadAllText(path)) ?? new CannedResponsesFile();
        All = file.Responses.Where(r => r.Id.Length > 0 && r.Text.Length > 0).ToArray();
    }

    public IReadOnlyList<CannedResponse> All { get; }

    private sealed class CannedResponsesFile
    {
        public List<CannedResponse> Responses { get; set; } = [];
    }
}
