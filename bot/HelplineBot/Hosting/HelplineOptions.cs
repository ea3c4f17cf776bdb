using System.ComponentModel.DataAnnotations;

namespace HelplineBot.Hosting;

/// <summary>The helpline itself: its name and how a person reaches a human. Section "Helpline".</summary>
public sealed class HelplineOptions
{
    public const string Section = "Helpline";

    /// <summary>Shown on the chat page and in the bot's name. Default "Ketamine Helpline".</summary>
    [Required] public string Name { get; set; } = "Ketamine Helpline";

    /// <summary>The helpline's own phone number. Default 800-500-0399 (the number on the helpline's page).</summary>
    [Required] public string Phone { get; set; } = "800-500-0399";

    /// <summary>When advisors answer, in words a visitor reads. Default "24 hours a day, 7 days a week".</summary>
    [Required] public string Hours { get; set; } = "24 hours a day, 7 days a week";

    /// <summary>IANA time zone of the helpline's hours. Default "America/New_York".</summary>
    [Required] public string TimeZone { get; set; } = "America/New_York";

    /// <summary>The bot's id on the built-in Direct Line channel. Default "helpline-bot".</summary>
    [Required] public string BotId { get; set; } = "helpline-bot";
}
