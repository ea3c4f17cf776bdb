using System.Text.Json;
using HelplineBot.Hosting;
using HelplineBot.Protocol.Schema;
using Microsoft.Extensions.Options;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HelplineBot.Safety;

/// <summary>
/// The reply to a crisis, built in memory from text loaded at start: it needs no storage, network or AI, so
/// it can go out in the same turn whatever else is failing. Sentences come from replies.yaml when that file
/// is valid and keeps every emergency number; otherwise from the compiled-in <see cref="CrisisReplyText.BuiltIn"/>.
/// </summary>
public sealed class CrisisReplies
{
    public const string RepliesFileName = "replies.yaml";

    private readonly CrisisReplyText _text;
    private readonly HelplineOptions _helpline;

    public CrisisReplies(IOptions<HelplineOptions> helpline, IOptions<SafetyOptions> safety, ILogger<CrisisReplies> logger)
    {
        _helpline = helpline.Value;
        var path = Path.Combine(safety.Value.RulesFolderFullPath, RepliesFileName);
        try
        {
            _text = Load(path, _helpline);
        }
        // Whatever is wrong with the file, the crisis reply must still go out: fall back, never fail.
        catch (Exception ex)
        {
            SafetyLog.RepliesFileRejected(logger, RepliesFileName, ex is InvalidDataException ? ex.Message : ex.GetType().Name);
            _text = CrisisReplyText.BuiltIn;
            UsesBuiltInText = true;
        }
    }

    internal CrisisReplies(HelplineOptions helpline, CrisisReplyText text)
    {
        _helpline = helpline;
        _text = text;
        UsesBuiltInText = ReferenceEquals(text, CrisisReplyText.BuiltIn);
    }

    /// <summary>True when replies.yaml could not be used and the compiled-in sentences are in use.</summary>
    public bool UsesBuiltInText { get; }

    /// <summary>
    /// The crisis reply to send at once: the message with the category's resources, then an invitation to stay in
    /// the chat with buttons (advisor, grounding exercise, call 988 or 911). Empty for a verdict that is not a crisis.
    /// </summary>
    public IReadOnlyList<Activity> Create(SafetyVerdict verdict, Activity incoming) => Create(verdict.Category, incoming);

    public IReadOnlyList<Activity> Create(SafetyCategory category, Activity incoming)
    {
        if (!category.IsCrisis()) return [];

        var message = incoming.CreateReply(MessageFor(category));
        message.Importance = "high";

        var stay = incoming.CreateReply(Fill(_text.StayWithUs, _helpline));
        stay.Importance = "high";
        stay.SuggestedActions = new SuggestedActions
        {
            Actions =
            [
                CardAction.ImBack(_text.AdvisorButton),
                CardAction.ImBack(_text.GroundingButton),
                CallAction(category == SafetyCategory.CrisisSuicide || category == SafetyCategory.CrisisSelfHarm ? "988" : "911", incoming.ChannelId),
            ],
        };
        return [message, stay];
    }

    /// <summary>The short grounding exercise offered after a crisis reply (the "Grounding exercise" button).</summary>
    public Activity CreateGroundingExercise(Activity incoming)
    {
        var reply = incoming.CreateReply(_text.Grounding);
        reply.SuggestedActions = new SuggestedActions { Actions = [CardAction.ImBack(_text.AdvisorButton)] };
        return reply;
    }

    /// <summary>True when the text is the "Grounding exercise" button's (typed or pressed).</summary>
    public bool IsGroundingRequest(string? text) =>
        text is not null && string.Equals(text.Trim().TrimEnd('.', '!'), _text.GroundingButton, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first message of the crisis reply for a category, with the helpline's details filled in.</summary>
    public string MessageFor(SafetyCategory category) =>
        Fill(_text.Messages.TryGetValue(category, out var text) ? text : CrisisReplyText.BuiltIn.Messages[SafetyCategory.CrisisSuicide], _helpline);

    public string StayWithUsText => Fill(_text.StayWithUs, _helpline);

    // Teams does not render "call" actions; an openUrl with a tel: link works there and on phones.
    private static CardAction CallAction(string number, string? channelId) => new()
    {
        Type = channelId == Protocol.Schema.Channels.MsTeams ? ActionTypes.OpenUrl : ActionTypes.Call,
        Title = $"Call {number}",
        Value = JsonSerializer.SerializeToElement($"tel:{number}", ProtocolJsonContext.Default.String),
    };

    private static string Fill(string template, HelplineOptions helpline) => template
        .Replace("{helplineName}", helpline.Name, StringComparison.Ordinal)
        .Replace("{helplinePhone}", helpline.Phone, StringComparison.Ordinal)
        .Replace("{helplineHours}", helpline.Hours, StringComparison.Ordinal);

    internal static CrisisReplyText Load(string path, HelplineOptions helpline)
    {
        using var reader = File.OpenText(path);
        var file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<RepliesFile>(reader) ?? throw new InvalidDataException("the file is empty");

        var messages = new Dictionary<SafetyCategory, string>();
        foreach (var (category, numbers) in CrisisReplyText.RequiredNumbers)
        {
            var label = category.ToLabel();
            if (file.Messages is null || !file.Messages.TryGetValue(label, out var text) || string.IsNullOrWhiteSpace(text))
            {
                throw new InvalidDataException($"no message for {label}");
            }
            var missing = numbers.Where(n => !text.Contains(n, StringComparison.Ordinal)).ToList();
            if (missing.Count > 0) throw new InvalidDataException($"the {label} message must contain {string.Join(" and ", missing)}");
            messages[category] = text.Trim();
        }
        if (string.IsNullOrWhiteSpace(file.StayWithUs) || !file.StayWithUs.Contains("{helplinePhone}", StringComparison.Ordinal))
        {
            throw new InvalidDataException("stayWithUs must exist and contain {helplinePhone}");
        }
        return new CrisisReplyText
        {
            Messages = messages,
            StayWithUs = file.StayWithUs.Trim(),
            Grounding = Required(file.Grounding, "grounding"),
            AdvisorButton = Required(file.AdvisorButton, "advisorButton"),
            GroundingButton = Required(file.GroundingButton, "groundingButton"),
        };
    }

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidDataException($"{key} is missing") : value.Trim();

    private sealed class RepliesFile
    {
        public Dictionary<string, string>? Messages { get; set; }
        public string? StayWithUs { get; set; }
        public string? Grounding { get; set; }
        public string? AdvisorButton { get; set; }
        public string? GroundingButton { get; set; }
    }
}
