namespace HelplineBot.Knowledge.Retrieval;

/// <summary>
/// A ranked section: its BM25 score and its coverage, the idf-weighted share of the question's focus terms
/// the section contains (1 = every term; a word no section contains weighs the mean idf).
/// </summary>
public sealed record SearchHit(KnowledgeSection Section, double Score, double Coverage);
