using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Dialogs;

/// <summary>The dialog engine and the scripted flows. Section "Dialogs".</summary>
public sealed class DialogsOptions
{
    public const string Section = "Dialogs";

    /// <summary>Folder with flows/ and messages/; relative paths start at the bot's own folder. Default "knowledge".</summary>
    [Required] public string KnowledgeFolder { get; set; } = "knowledge";

    /// <summary>Messages file used (knowledge/messages/{Language}.yaml). Default "en".</summary>
    [Required, RegularExpression("^[a-z]{2}(-[A-Z]{2})?$")] public string Language { get; set; } = "en";

    /// <summary>Silence after which the next message gets a "welcome back" and a fresh start. Default 30 minutes.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")] public TimeSpan ConversationExpiry { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Invalid answers to one prompt before the graceful way out; a step may set its own. Default 3.</summary>
    [Range(1, 10)] public int MaxAttempts { get; set; } = 3;

    /// <summary>Region for phone numbers written without a country code (ISO 3166 code). Default "US".</summary>
    [Required, RegularExpression("^[A-Z]{2}$")] public string PhoneRegion { get; set; } = "US";

    /// <summary>Activity ids remembered per conversation to drop a channel's retry durably. Default 50.</summary>
    [Range(1, 1000)] public int RememberedActivityIds { get; set; } = 50;

    /// <summary>How long a request for a person counts as under way (no expiry restart) with the built-in recorder. Default 12 hours.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")] public TimeSpan HandoffHold { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Reload flows and messages when their files change (wanted in Development). Default false.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>Attempts to re-run a turn whose state save lost a race with another instance. Default 3.</summary>
    [Range(1, 10)] public int SaveAttempts { get; set; } = 3;

    public string KnowledgeFolderFullPath => Path.GetFullPath(KnowledgeFolder, AppContext.BaseDirectory);
}
