namespace Do.AspNetCore.BrowserTests;

/// <summary>A person who approves rollouts, answering from the dashboard's approvals page.</summary>
public sealed class Reviewer : Human;
