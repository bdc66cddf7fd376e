#pragma once

// What every run of switchyard sets first, desktop or headless: the application's name and version (the
// default config and data paths derive from the name) and the logging rules.
void applyIdentity();
