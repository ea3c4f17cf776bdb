namespace HelplineBot.Knowledge.Retrieval;

/// <summary>What a part of a visitor's message does for the search.</summary>
internal enum QuestionRole
{
    /// <summary>It asks the question: its words rank sections and decide whether the knowledge covers it.</summary>
    Focus,

    /// <summary>It sets the scene ("my son uses K."): its words help ranking a little and never count against answering.</summary>
    Context,

    /// <summary>It says what the question is not ("I'm not suicidal, ..."): its words are left out.</summary>
    Disclaimer,
}
