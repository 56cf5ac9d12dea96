global using Mediation.Identity;
