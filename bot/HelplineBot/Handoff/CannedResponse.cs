namespace HelplineBot.Handoff;

/// <summary>A ready sentence an advisor can insert and edit before sending (knowledge/canned-responses.yaml).</summary>
public sealed class CannedResponse
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
}
