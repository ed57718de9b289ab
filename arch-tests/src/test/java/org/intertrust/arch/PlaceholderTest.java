package org.intertrust.arch;

class PlaceholderTest {}
