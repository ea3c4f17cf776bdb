namespace HelplineBot.Knowledge;

/// <summary>How an answer was made.</summary>
public enum AnswerMode
{
    /// <summary>The best section's short answer, as written by the content editors.</summary>
    Extractive,
    /// <summary>Written by Azure OpenAI from the retrieved sections, and checked against them.</summary>
    Generated,
    /// <summary>A kind decline with the offer of an advisor.</summary>
    Declined,
}
