namespace HelplineBot.Knowledge.Retrieval;

/// <summary>A stretch of a visitor's message and what it contributes to the search.</summary>
internal readonly record struct QuestionPart(string Text, QuestionRole Role);
