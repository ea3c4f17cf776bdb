namespace HelplineBot.Dialogs.Seams;

/// <summary>What to tell the person after a request for a person: honest about what happens next (Markdown).</summary>
public sealed record HandoffReceipt(string Text);
